package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * {@code _sort} on a search of one person's resources: {@code _lastUpdated} on every type, and the type's own date
 * under its R4 search parameter's name (Observation and Procedure {@code date}, AdverseEvent {@code date},
 * MedicationAdministration {@code effective-time}, ServiceRequest {@code authored}, ChargeItem
 * {@code entered-date}); {@code -name} sorts newest first, several keys in turn ({@code _sort=-date,_lastUpdated}).
 * A resource without the date sorts after those with it either way; ties keep the record's order. A key the type
 * does not offer is a 400 naming it and what is offered, never ignored.
 */
final class SearchSort {

    private SearchSort() {
    }

    /** The sort keys a type offers, each with the date it sorts by. */
    static Map<String, Function<Resource, Date>> keys(PatientCompartment.Type type) {
        Map<String, Function<Resource, Date>> keys = new LinkedHashMap<>();
        keys.put("_lastUpdated", r -> r.getMeta().getLastUpdated());
        switch (type) {
            case OBSERVATION -> keys.put(Observation.SP_DATE, r -> start(((Observation) r).getEffective()));
            case PROCEDURE -> keys.put(Procedure.SP_DATE, r -> start(((Procedure) r).getPerformed()));
            case ADVERSE_EVENT -> keys.put(AdverseEvent.SP_DATE, r -> ((AdverseEvent) r).getDate());
            case MEDICATION_ADMINISTRATION -> keys.put(MedicationAdministration.SP_EFFECTIVE_TIME,
                    r -> start(((MedicationAdministration) r).getEffective()));
            case SERVICE_REQUEST -> keys.put(ServiceRequest.SP_AUTHORED, r -> ((ServiceRequest) r).getAuthoredOn());
            case CHARGE_ITEM -> keys.put(ChargeItem.SP_ENTERED_DATE, r -> ((ChargeItem) r).getEnteredDate());
            default -> {
                // the clinical history, coverage and products: _lastUpdated only
            }
        }
        return keys;
    }

    /** When a dateTime or a period begins; null for anything else. */
    static Date start(Type when) {
        if (when instanceof DateTimeType d) {
            return d.getValue();
        }
        if (when instanceof Period p) {
            return p.getStart();
        }
        return null;
    }

    /** The resources in the order {@code sort} asks (as found when it is null). */
    static <T> List<T> sorted(List<T> found, PatientCompartment.Type type, SortSpec sort) {
        if (sort == null) {
            return found;
        }
        Map<String, Function<Resource, Date>> keys = keys(type);
        Comparator<T> order = null;
        for (SortSpec s = sort; s != null; s = s.getChain()) {
            Function<Resource, Date> key = keys.get(s.getParamName());
            if (key == null) {
                throw new InvalidRequestException("_sort: " + type.fhirName() + " cannot be sorted by '"
                        + s.getParamName() + "'; it can be sorted by " + String.join(", ", keys.keySet())
                        + " (a leading - for newest first)");
            }
            Comparator<Date> dates = s.getOrder() == SortOrderEnum.DESC ? Comparator.reverseOrder()
                    : Comparator.naturalOrder();
            Comparator<T> byKey = Comparator.comparing(t -> key.apply((Resource) t), Comparator.nullsLast(dates));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        List<T> out = new ArrayList<>(found);
        out.sort(order);
        return out;
    }
}
