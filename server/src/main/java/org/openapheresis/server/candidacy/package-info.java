/**
 * Candidacy and contraindication checks run from the patient record when an order is created and when a
 * session starts; one class per check, each giving a warning that needs a physician's acknowledgement.
 */
package org.openapheresis.server.candidacy;
