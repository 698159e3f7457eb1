package org.openapheresis.server.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.openapheresis.server.product.Product;
import org.openapheresis.server.product.ProductEvent;
import org.openapheresis.server.session.Entries;

/**
 * What the nurse observed at the bedside infusion of a cell product, as R4 resources of its recipient: the vital
 * signs before and after as vital-signs Observations (the codes and shape of a session's vitals, {@link
 * EntryMapper#vitals}), and a graded reaction as an AdverseEvent whose suspect entity is the product.
 *
 * <p>The reaction is graded as CTCAE v5.0 grades an infusion related reaction (docs/sources.md, "Bedside
 * observations"). R4's severity (mild, moderate, severe) follows CTCAE's general grade definitions: grade 1 "mild",
 * 2 "moderate", 3 "severe or medically significant", 4 (life-threatening) and 5 (death) severe, 5 with the outcome
 * fatal. Seriousness is "serious" from grade 3: grades 4 (life-threatening) and 5 (death) meet ICH E2A's
 * definition of a serious adverse event by its words; grade 3's "hospitalization or prolongation of hospitalization
 * indicated" is read as its hospitalisation criterion, the project's mapping (docs/sources.md, row 93: severe is
 * not serious in general; the physician's report decides). The grade itself travels as an extension, as the WAA
 * grade of a session's event does.
 *
 * <p>Ids: {@code {productId}-i{seq}-before-bp} (and {@code -hr}, {@code -spo2}, {@code -temp}; {@code after}
 * likewise) and {@code {productId}-i{seq}-reaction}, {@code seq} the infusion event's place in the product's
 * custody, so that a read by id finds the event without a table of its own.
 */
final class InfusionMapper {

    /** The cell product infused, on the Observations made at its infusion (R4's partOf cannot name a product). */
    static final String INFUSED_PRODUCT_EXTENSION = "urn:openapheresis:fhir:extension:infused-product";
    /** The CTCAE v5.0 grade of an infusion related reaction, 1 to 5. */
    static final String CTCAE_GRADE_EXTENSION = "urn:openapheresis:fhir:extension:ctcae-grade";
    static final String CTCAE_GRADE_SYSTEM = "urn:openapheresis:ctcae-v5-infusion-related-reaction-grade";
    /** The unit's code for the event: CTCAE's term (its MedDRA code is not checked here, so not sent). */
    static final String INFUSION_REACTION_CODE = "infusion-related-reaction";

    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    private static final Pattern ID = Pattern.compile("(.+)-i(\\d{1,6})-(before|after|reaction)(-[a-z0-9]+)?");
    /** The grades' texts as docs/sources.md quotes them (row 92); 4 and 5 in CTCAE's general words. */
    private static final List<String> GRADE_TEXT = List.of(
            "Mild, transient reaction; infusion interruption not indicated; intervention not indicated",
            "Therapy infusion interruption indicated, but responds promptly to symptomatic treatment",
            "Prolonged or recurring; hospitalization indicated for clinical sequelae",
            "Life-threatening consequences; urgent intervention indicated",
            "Death");

    private InfusionMapper() {
    }

    /** The product and custody place an id of this mapper names, when it is one. */
    record Named(String productId, int seq) {
    }

    static Optional<Named> parse(String resourceId) {
        Matcher m = ID.matcher(resourceId);
        return m.matches() ? Optional.of(new Named(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    private static String prefix(Product p, ProductEvent e) {
        return p.id() + "-i" + e.seq();
    }

    /** The Observations of one infusion: each vital sign measured before it, then after it. */
    static List<Observation> vitals(Product p, ProductEvent e) {
        List<Observation> out = new ArrayList<>();
        for (String when : List.of("before", "after")) {
            Object v = e.details().get("vitals" + Character.toUpperCase(when.charAt(0)) + when.substring(1));
            if (!(v instanceof Map<?, ?> m) || m.isEmpty()) {
                continue;
            }
            Entries.Vitals entry = new Entries.Vitals(prefix(p, e) + "-" + when, e.at(), number(m, "systolicMmHg"),
                    number(m, "diastolicMmHg"), number(m, "pulsePerMin"), number(m, "spo2Percent"),
                    number(m, "temperatureC"), e.recordedAt(), e.by());
            for (Observation o : EntryMapper.vitals(p.recipientId(), Optional.empty(), entry)) {
                o.addExtension(INFUSED_PRODUCT_EXTENSION, new Reference("BiologicallyDerivedProduct/" + p.id())
                        .setDisplay(p.kind().displayName() + " " + p.dinPrinted()));
                // the record keeps one time for the infusion: an observation after it carries that time too
                o.addNote().setText(("before".equals(when) ? "Before" : "After") + " the infusion of "
                        + p.kind().displayName() + " " + p.dinPrinted() + " recorded at " + e.at()
                        + ("after".equals(when) ? "; the time is the infusion's, as recorded" : ""));
                out.add(o);
            }
        }
        return out;
    }

    private static Double number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    /** The reaction at one infusion, when one was recorded. */
    static Optional<AdverseEvent> reaction(Product p, ProductEvent e) {
        if (!(e.details().get("reaction") instanceof String text) || !(e.details().get("reactionGrade") instanceof Number n)) {
            return Optional.empty();
        }
        int grade = n.intValue();
        AdverseEvent a = new AdverseEvent();
        a.setId(prefix(p, e) + "-reaction");
        a.getMeta().setLastUpdated(Date.from(e.recordedAt()));
        a.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        a.setSubject(new Reference("Patient/" + p.recipientId()));
        a.setEvent(new CodeableConcept(new Coding(EntryMapper.ADVERSE_EVENT_SYSTEM, INFUSION_REACTION_CODE,
                "Infusion related reaction")).setText("Infusion related reaction: " + text));
        a.setDate(Date.from(e.at()));
        a.setRecordedDate(Date.from(e.recordedAt()));
        a.setRecorder(new Reference().setDisplay(e.by()));
        String severity = grade == 1 ? "mild" : grade == 2 ? "moderate" : "severe";
        a.setSeverity(new CodeableConcept(new Coding(SEVERITY, severity, severity.substring(0, 1).toUpperCase(
                java.util.Locale.ROOT) + severity.substring(1))));
        a.setSeriousness(new CodeableConcept(grade >= 3 ? new Coding(SERIOUSNESS, "Serious", "Serious")
                : new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
        if (grade == 5) {
            a.setOutcome(new CodeableConcept(new Coding(OUTCOME, "fatal", "Fatal")));
        }
        a.addExtension(CTCAE_GRADE_EXTENSION, new Coding(CTCAE_GRADE_SYSTEM, Integer.toString(grade),
                GRADE_TEXT.get(grade - 1)));
        a.addSuspectEntity().setInstance(new Reference("BiologicallyDerivedProduct/" + p.id())
                .setDisplay(p.kind().displayName() + " " + p.dinPrinted()));
        return Optional.of(a);
    }
}
