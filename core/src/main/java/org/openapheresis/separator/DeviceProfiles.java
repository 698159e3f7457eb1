package org.openapheresis.separator;

import java.util.List;
import org.openapheresis.system.Sourced;

/** The published figures behind each device profile. */
final class DeviceProfiles {

    private DeviceProfiles() {
    }

    static DeviceProfile continuousFlow() {
        return new DeviceProfile(
                "continuous-flow",
                "Spectra Optia exchange and collection protocols (published figures)",
                Sourced.verified(185, "mL", "Spectra Optia exchange set: typically 141 mL, at most 185 mL;"
                        + " the maximum is used, Terumo BCT product page"),
                Sourced.unverified(250, "mL", "Spectra Optia MNC/CMNC set about 250 mL, widely quoted"),
                Sourced.unverified(60, "mL/min", "usual inlet flow; published series used 40 (Wood 1986) to"
                        + " 70-80 mL/min (Weinstein 1996)"),
                List.of(Sourced.unverified(10, "mL/min", "lowest inlet flow accepted, not from a device manual"),
                        Sourced.unverified(150, "mL/min", "highest inlet flow accepted, not from a device manual")),
                Sourced.verified(0.87, "", "mean plasma removal efficiency of Spectra Optia, Tormey, Transfusion"
                        + " 2010;50:471 (1.15 TBV processed per plasma volume removed); Cid 2014 measured 0.829"),
                Sourced.verified(0.01, "", "median platelet loss 1.0% per exchange, Spectra Optia, Terumo BCT"
                        + " product page; applied per plasma volume exchanged"),
                null);
    }

    static DeviceProfile intermittentFlow() {
        return new DeviceProfile(
                "intermittent-flow",
                "Haemonetics MCS+ bowl cycles (JPAC UK Red Book, Appendix III)",
                Sourced.unverified(260, "mL", "35 mL harness (JPAC Red Book) plus a 225 mL bowl (bowl volume"
                        + " unverified)"),
                Sourced.unverified(260, "mL", "35 mL harness (JPAC Red Book) plus a 225 mL bowl (bowl volume"
                        + " unverified)"),
                Sourced.verified(60, "mL/min", "draw flow 60-80 mL/min, JPAC UK Red Book, Appendix III; the low"
                        + " end is used"),
                List.of(Sourced.unverified(10, "mL/min", "lowest inlet flow accepted, not from a device manual"),
                        Sourced.verified(80, "mL/min", "highest draw flow 80 mL/min, JPAC UK Red Book")),
                Sourced.unverified(0.84, "", "nominal value at Hct 0.42 derived from the bowl geometry; the"
                        + " planner derives it from each patient's haematocrit"),
                Sourced.unverified(0.01, "", "no published platelet loss for intermittent-flow plasma exchange"
                        + " was found; the continuous-flow figure is used"),
                new BowlCycle(
                        Sourced.unverified(225, "mL", "bowl volume, widely quoted for the Latham bowl"),
                        Sourced.verified(0.80, "", "bowl haematocrit about 0.80, JPAC UK Red Book, Appendix III"),
                        Sourced.unverified(100, "mL/min", "return flow, not from a device manual")));
    }
}
