package org.openapheresis.procedure;

import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.separator.Device;

/**
 * The separator settings every apheresis procedure shares.
 *
 * @param device separator kind
 * @param inletFlowMlPerMin inlet flow (blood plus anticoagulant) asked for; empty for the device's usual flow
 *     lowered to stay within the anticoagulant infusion limit
 * @param acRatio inlet:anticoagulant ratio asked for; empty for the procedure's default
 * @param anticoagulant the citrate anticoagulant
 * @param calcium calcium given during the run
 */
public record Separation(Device device, OptionalDouble inletFlowMlPerMin, OptionalDouble acRatio,
        Anticoagulant anticoagulant, CalciumSupplement calcium) {

    /** Settings with no calcium given. */
    public Separation(Device device, OptionalDouble inletFlowMlPerMin, OptionalDouble acRatio,
            Anticoagulant anticoagulant) {
        this(device, inletFlowMlPerMin, acRatio, anticoagulant, CalciumSupplement.none());
    }

    public Separation {
        Objects.requireNonNull(calcium, "calcium");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(inletFlowMlPerMin, "inletFlowMlPerMin");
        Objects.requireNonNull(acRatio, "acRatio");
        Objects.requireNonNull(anticoagulant, "anticoagulant");
    }

    /** Continuous flow, ACD-A, default flow and ratio. */
    public static Separation defaults() {
        return new Separation(Device.CONTINUOUS_FLOW, OptionalDouble.empty(), OptionalDouble.empty(),
                Anticoagulant.ACD_A);
    }
}
