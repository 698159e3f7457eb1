package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * vread: the unit keeps each record's current version and its version number ({@code meta.versionId}), not its past
 * versions as resources (the audit trail says who changed what). So {@code [type]/[id]/_history/[v]} answers the
 * resource when {@code v} is its current version, and 404 naming the current version otherwise.
 */
final class Versions {

    private Versions() {
    }

    static <T extends Resource> T asked(IdType id, T current) {
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(current.getMeta().getVersionId())) {
            throw new ResourceNotFoundException("version " + id.getVersionIdPart() + " of " + current.fhirType() + "/"
                    + id.getIdPart() + " is not kept: the current version is " + current.getMeta().getVersionId());
        }
        return current;
    }
}
