/**
 * The FHIR R4 face of the unit under {@code /fhir}: HAPI FHIR's plain server with one resource provider per
 * resource type, mapping the features' typed records (read through their services) to R4 resources. The same
 * accounts, roles and audit apply as to the JSON API; the core knows nothing of FHIR.
 */
package org.openapheresis.server.fhir;
