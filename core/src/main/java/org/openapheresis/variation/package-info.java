/**
 * What varies between patients: every model parameter with the distribution its source gives (mean and SD, or a
 * range) or marked fixed, and one virtual patient's draw of them. The planners read a draw through their options;
 * the nominal draw (every factor 1) is the published model.
 */
package org.openapheresis.variation;
