/**
 * The printable ISBT 128 label of a cellular therapy product: what it carries ({@link
 * org.openapheresis.server.product.label.LabelContent}, built from the core's ISBT 128 records and checked at
 * construction) and its 100 × 100 mm PDF ({@link org.openapheresis.server.product.label.LabelPdf}) with a Code 128 bar
 * code for each data structure and a Data Matrix of the compound message. The bar codes are encoded by OkapiBarcode and
 * drawn as vector rectangles; every eye-readable text is derived from the same records, so text and code cannot disagree.
 */
package org.openapheresis.server.product.label;
