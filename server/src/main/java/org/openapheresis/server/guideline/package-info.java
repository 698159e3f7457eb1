/**
 * The cited table of common indications with their ASFA 2023 category and grade, read from a resource
 * file; the current ASFA guideline is authoritative.
 */
package org.openapheresis.server.guideline;
