package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.auth.AuthService;

/** The unit's staff: read by id, search by identifier (the user name) or all of them. */
public final class PractitionerProvider implements IResourceProvider {

    private final AuthService auth;
    private final Jdbi jdbi;

    PractitionerProvider(AuthService auth, Jdbi jdbi) {
        this.auth = auth;
        this.jdbi = jdbi;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return jdbi.withHandle(h -> auth.users(h)).stream().filter(u -> u.id().equals(id.getIdPart())).findFirst()
                .map(UnitMapper::practitioner).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Practitioner> search(@OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier) {
        return jdbi.withHandle(h -> auth.users(h)).stream()
                .filter(u -> identifier == null || (identifier.getSystem() == null || identifier.getSystem().isEmpty()
                        || UnitMapper.USERNAME_SYSTEM.equals(identifier.getSystem()))
                        && u.username().equals(identifier.getValue()))
                .map(UnitMapper::practitioner).toList();
    }
}
