package org.openapheresis.server.access;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The unit's staff as other features name them: a session's nurse is a user name of an active nurse account, so
 * that a typo ("nurse.moreu") is refused when the session is booked, not found out at the chair.
 */
public interface StaffDirectory {

    /**
     * A member of staff as a list shows them.
     *
     * @param username login name (what records hold)
     * @param displayName the name people read
     * @param role the role
     */
    record StaffMember(String username, String displayName, Role role) {
    }

    /** The active account with this user name (exact), if any. */
    Optional<StaffMember> activeMember(Handle h, String username);

    /** The active accounts of a role, by display name. */
    List<StaffMember> active(Handle h, Role role);
}
