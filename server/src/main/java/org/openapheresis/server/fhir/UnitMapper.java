package org.openapheresis.server.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Practitioner;
import org.openapheresis.server.auth.User;
import org.openapheresis.server.resource.Machine;

/**
 * The unit's staff and machines as R4 resources: a user as a Practitioner (the user name as the unit's identifier,
 * the role as a qualification text: R4's Practitioner has no role element, and a PractitionerRole per user would
 * say no more), and a machine as a Device (what staff call it, make and model, serial number, the procedures it is
 * set up for as its properties; retired machines inactive).
 */
public final class UnitMapper {

    /** The unit's user names. */
    public static final String USERNAME_SYSTEM = "urn:openapheresis:username";
    /** The unit's names for its machines. */
    public static final String MACHINE_SYSTEM = "urn:openapheresis:machine";
    /** The procedure types (the API's codes) a machine is set up for. */
    public static final String PROCEDURE_TYPE_SYSTEM = "urn:openapheresis:procedure-type";

    private UnitMapper() {
    }

    public static Practitioner practitioner(User u) {
        Practitioner p = new Practitioner();
        p.setId(u.id());
        p.getMeta().setVersionId(Integer.toString(u.version()));
        p.addIdentifier().setSystem(USERNAME_SYSTEM).setValue(u.username());
        p.setActive(u.active());
        p.addName().setText(u.displayName());
        p.addQualification().setCode(new CodeableConcept().setText(u.role().code()));
        return p;
    }

    public static Device device(Machine m) {
        Device d = new Device();
        d.setId(m.id());
        d.getMeta().setVersionId(Integer.toString(m.version()));
        d.addIdentifier().setSystem(MACHINE_SYSTEM).setValue(m.name());
        d.setStatus(m.active() ? Device.FHIRDeviceStatus.ACTIVE : Device.FHIRDeviceStatus.INACTIVE);
        d.addDeviceName().setName(m.name()).setType(Device.DeviceNameType.USERFRIENDLYNAME);
        d.addDeviceName().setName(m.model()).setType(Device.DeviceNameType.MODELNAME);
        m.serial().ifPresent(d::setSerialNumber);
        d.setType(new CodeableConcept().setText("apheresis system (" + m.device() + ")"));
        Device.DevicePropertyComponent procedures = d.addProperty()
                .setType(new CodeableConcept().setText("procedures set up for"));
        for (String t : m.procedureTypes()) {
            procedures.addValueCode(new CodeableConcept(new Coding(PROCEDURE_TYPE_SYSTEM, t, t)));
        }
        return d;
    }
}
