package org.openapheresis.server.order;

import java.time.Instant;

/**
 * An acknowledged warning of an order.
 *
 * @param code warning code
 * @param acknowledgedBy user name of the physician
 * @param acknowledgedAt when
 */
public record Acknowledgement(String code, String acknowledgedBy, Instant acknowledgedAt) {
}
