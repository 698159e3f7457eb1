package org.openapheresis.separator;

import java.util.List;
import org.openapheresis.system.Sourced;

/** The published figures behind each device profile. */
final class DeviceProfiles {

    /**
     * Platelets taken with the product in cell procedures, per blood volume passing through. DERIVED:
     * median platelet loss 37.8% per PBSC collection with the Spectra Optia cMNC protocol (Chung, J Clin Apher
     * 2021; 28.6% with Amicus) read as 1 - e^(-E x 3) for an assumed 3 blood volumes processed (UNVERIFIED:
     * the processed volume of those collections was not in the excerpt).
     */
    static final Sourced CELL_PROCEDURE_PLATELET_REMOVAL = Sourced.unverified(-Math.log(1 - 0.378) / 3, "",
            "platelet removal per blood volume processed, derived from a 37.8% median loss per PBSC collection"
                    + " (Chung, J Clin Apher 2021) at an assumed 3 blood volumes");

    /**
     * CD34+ CE2 on the patient's haematocrit with the Spectra Optia continuous mononuclear cell protocol: "a
     * moderate positive correlation between CD34+ CE2 and hematocrit (r = .47, p < .0001), with the equation of the
     * line being y = 1.23x + 12.23", only a very weak correlation with the white count or platelets; median CE2
     * 64.3% in 106 healthy donors and 46.8% in 27 patients (Okayama University Hospital, "Low hematocrit reduces the
     * efficiency of CD34+ cell collection when using the Spectra Optia continuous mononuclear cell collection
     * procedure", Transfusion 2022;62:1065, abstract; y = CE2 in %, x = Hct in % as the abstract's medians imply).
     * At Hct 30% it gives 49%, at 42% 64%, matching the published autologous (51%) and donor (62-64%) medians.
     * Older devices showed no or the opposite dependence, so the intermittent-flow profile keeps its constant.
     */
    static final CellCollectionEfficiencies.Ce2ByHematocrit OPTIA_CMNC_CE2_BY_HEMATOCRIT =
            new CellCollectionEfficiencies.Ce2ByHematocrit(1.23, 12.23, "CD34+ CE2 = 1.23 x Hct + 12.23 (%), r = 0.47,"
                    + " Spectra Optia cMNC, Transfusion 2022;62:1065 (147 procedures)");

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
                null,
                new CellCollectionEfficiencies(
                        Sourced.verified(0.51, "", "median CD34+ CE2 51% in autologous collections, J Clin Apher"
                                + " 2025;40:e70081"),
                        Sourced.verified(0.58, "", "median CD34+ CE2 58% in allogeneic collections, J Clin Apher"
                                + " 2025;40:e70081"),
                        Sourced.verified(0.65, "", "median CD34+ CE1 65% in autologous collections, J Clin Apher"
                                + " 2025;40:e70081"),
                        Sourced.verified(0.504, "", "CD3+ CE2 50.4% with the Spectra Optia MNC protocol at 2.0 TBV,"
                                + " J Clin Apher 2018;33:349 (published range about 37-68%)"),
                        Sourced.verified(0.537, "", "granulocyte (PMN) CE 53.7% with HES on Spectra Optia (43.2% on COBE"
                                + " Spectra), randomized crossover, Cancelas, Transfusion 2015;55:748"),
                        Sourced.verified(0.10, "", "granulocyte CE 10% without HES, Transfusion 2012;52:2646"),
                        Sourced.unverified(0.45, "", "white cell removal efficiency; the quoted 30-50% range is"
                                + " unconfirmed; 0.45 calibrated so one 2-TBV procedure lowers WBC by about 45%, the"
                                + " middle of the published 30-60% (UT Southwestern)"),
                        CELL_PROCEDURE_PLATELET_REMOVAL,
                        java.util.Optional.of(OPTIA_CMNC_CE2_BY_HEMATOCRIT)));
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
                        Sourced.unverified(100, "mL/min", "return flow, not from a device manual")),
                new CellCollectionEfficiencies(
                        Sourced.unverified(0.44, "", "CD34+ collection efficiency 44% with the Haemonetics MCS+ in"
                                + " autologous PBSC collections (Spectra Optia 50%), PubMed 31255504 (2019);"
                                + " whether CE1 or CE2 is not stated in the abstract"),
                        Sourced.unverified(0.46, "", "no intermittent-flow CD34+ CE2 in the sources; median CE 46%"
                                + " (Gidron 2005) used for donors too"),
                        Sourced.unverified(0.65, "", "continuous-flow CE1 65% (J Clin Apher 2025;40:e70081) used;"
                                + " no intermittent-flow figure was found"),
                        Sourced.unverified(0.50, "", "no intermittent-flow CD3+ CE2 in the sources; the central 50%"
                                + " of the published 37-68% range"),
                        Sourced.unverified(0.42, "", "granulocyte CE with HES 42% (Transfusion 2012;52:2646), device"
                                + " not confirmed as intermittent-flow"),
                        Sourced.unverified(0.10, "", "granulocyte CE without HES 10% (Transfusion 2012;52:2646),"
                                + " device not confirmed as intermittent-flow"),
                        Sourced.unverified(0.45, "", "continuous-flow white cell removal efficiency used; no"
                                + " intermittent-flow figure was found"),
                        CELL_PROCEDURE_PLATELET_REMOVAL,
                        java.util.Optional.empty()));
    }
}
