package org.openapheresis.separator;

import java.util.Optional;

/** The separator kinds of the contract's {@code procedure.device}, each with its profile. */
public enum Device {
    /** Continuous flow: blood enters, separates and returns without pause (Spectra Optia, Amicus, COM.TEC). */
    CONTINUOUS_FLOW("continuous-flow", DeviceProfiles.continuousFlow()),
    /** Intermittent flow: a bowl fills, spins, the target layer is taken and the rest returns (Haemonetics MCS+). */
    INTERMITTENT_FLOW("intermittent-flow", DeviceProfiles.intermittentFlow());

    private final String code;
    private final DeviceProfile profile;

    Device(String code, DeviceProfile profile) {
        this.code = code;
        this.profile = profile;
    }

    public String code() {
        return code;
    }

    public DeviceProfile profile() {
        return profile;
    }

    public static Optional<Device> fromCode(String code) {
        for (Device d : values()) {
            if (d.code.equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
