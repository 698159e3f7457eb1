package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.IdType;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.resource.ResourceService;

/** The unit's machines (retired ones too: past sessions refer to them): read by id, or all of them. */
public final class DeviceProvider implements IResourceProvider {

    private final ResourceService resources;
    private final Jdbi jdbi;

    DeviceProvider(ResourceService resources, Jdbi jdbi) {
        this.resources = resources;
        this.jdbi = jdbi;
    }

    @Override
    public Class<Device> getResourceType() {
        return Device.class;
    }

    @Read
    public Device read(@IdParam IdType id) {
        return jdbi.withHandle(h -> resources.machines(h)).stream().filter(m -> m.id().equals(id.getIdPart()))
                .findFirst().map(UnitMapper::device).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Device> search() {
        return jdbi.withHandle(h -> resources.machines(h)).stream().map(UnitMapper::device).toList();
    }
}
