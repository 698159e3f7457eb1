/**
 * The machine: device profiles for continuous-flow and intermittent-flow (bowl) centrifugal separators,
 * the ACD-A anticoagulant and the anticoagulant infusion limit. Every number carries its source, or is
 * marked unverified.
 */
package org.openapheresis.separator;
