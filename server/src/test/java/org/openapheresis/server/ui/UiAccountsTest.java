package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Accounts in the browser: a nurse changes her own password on the profile page and signs in with the new one;
 * an administrator deactivates a user (whose open session is then refused), resets a password and signs a user
 * out everywhere, each confirmed first, with the policy's refusal shown beside the field.
 */
class UiAccountsTest extends BrowserTest {

    private static final String NEW_PASSWORD = "quiet harbour violet 63";

    @BeforeAll
    static void start() throws Exception {
        open(false);
    }

    private static void signInAsAdmin() {
        browser.signIn("admin", UiServer.ADMIN_PASSWORD);
        browser.awaitHeading("Users and audit");
    }

    /** A new account made over the API, and a session of it opened over the API; answers the session's token. */
    private static String userWithOpenSession(String username) {
        String admin = server.login("admin", UiServer.ADMIN_PASSWORD);
        assertThat(server.call("POST", "/api/users", admin, Map.of("username", username, "password", UiServer.PASSWORD,
                "role", "lab", "displayName", "Lab " + username)).status()).isEqualTo(201);
        String token = server.login(username, UiServer.PASSWORD);
        assertThat(server.call("GET", "/api/me", token, null).status()).isEqualTo(200);
        return token;
    }

    private static By action(String action, String username) {
        return By.cssSelector("button[data-action='" + action + "'][data-user='" + username + "']");
    }

    @Test
    void a_nurse_changes_her_password_on_the_profile_page_and_signs_in_with_the_new_one() {
        String otherSession = server.login(UiServer.NURSE, UiServer.PASSWORD);
        browser.signIn(UiServer.NURSE, UiServer.PASSWORD);
        browser.click(By.id("profile-link"));
        browser.awaitHeading("Your profile");
        UiSignInTest.assertEveryInputLabelled(browser);

        browser.type("currentPassword", UiServer.PASSWORD);
        browser.type("newPassword", "ben2026ben2026");
        browser.type("confirmPassword", "ben2026ben2027");
        browser.click(By.id("change-password"));
        browser.awaitError("confirmPassword", "Does not match");

        browser.type("confirmPassword", "ben2026ben2026");
        browser.click(By.id("change-password"));
        browser.awaitError("newPassword", "too easy to guess");
        assertThat(browser.await(By.cssSelector("[data-field='newPassword']")).getAttribute("value"))
                .as("what was typed stays").isEqualTo("ben2026ben2026");

        browser.type("currentPassword", "not my password at all");
        browser.type("newPassword", NEW_PASSWORD);
        browser.type("confirmPassword", NEW_PASSWORD);
        browser.click(By.id("change-password"));
        browser.awaitError("currentPassword", "is not the password of this account");

        browser.type("currentPassword", UiServer.PASSWORD);
        browser.type("newPassword", NEW_PASSWORD);
        browser.type("confirmPassword", NEW_PASSWORD);
        browser.click(By.id("change-password"));
        browser.awaitText(By.id("password-result"), "Password changed");
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("20-profile-password-changed");
        assertThat(server.call("GET", "/api/me", otherSession, null).status()).as("her other session").isEqualTo(401);

        browser.click(By.id("sign-out"));
        browser.awaitHeading("Sign in");
        browser.type("username", UiServer.NURSE);
        browser.type("password", UiServer.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.awaitText(By.cssSelector("#login-form .form-errors"), "not right");
        browser.signIn(UiServer.NURSE, NEW_PASSWORD);
        assertThat(browser.text(By.id("profile-link"))).isEqualTo("Ben Nightingale");
    }

    @Test
    void an_admin_deactivates_a_user_whose_open_session_is_then_refused() {
        String token = userWithOpenSession("lab.kim");
        signInAsAdmin();
        assertThat(browser.all(action("deactivate", "admin"))).as("no deactivating oneself").isEmpty();
        browser.click(action("deactivate", "lab.kim"));
        browser.awaitText(By.id("confirm-form"), "Deactivate lab.kim?");
        browser.click(By.id("cancel-action"));
        assertThat(browser.all(By.id("confirm-form"))).as("cancelled: nothing asked, nothing done").isEmpty();
        assertThat(server.call("GET", "/api/me", token, null).status()).isEqualTo(200);

        browser.click(action("deactivate", "lab.kim"));
        browser.awaitText(By.id("confirm-form"), "signed out everywhere");
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("21-admin-confirm-deactivate");
        browser.click(By.id("confirm-action"));
        browser.awaitText(By.cssSelector("tr[data-username='lab.kim'] .user-status"), "Inactive");
        assertThat(server.call("GET", "/api/me", token, null).status()).as("the open session").isEqualTo(401);
        browser.screenshot("22-admin-user-deactivated");

        browser.click(action("activate", "lab.kim"));
        browser.click(By.id("confirm-action"));
        browser.awaitText(By.cssSelector("tr[data-username='lab.kim'] .user-status"), "Active");
        assertThat(server.login("lab.kim", UiServer.PASSWORD)).isNotBlank();
    }

    @Test
    void an_admin_resets_a_password_and_ends_a_users_sessions_after_confirming() {
        String token = userWithOpenSession("lab.ines");
        signInAsAdmin();
        browser.click(action("reset", "lab.ines"));
        browser.await(By.cssSelector("#confirm-form [data-field='newPassword']"));
        UiSignInTest.assertEveryInputLabelled(browser);
        browser.type("newPassword", "lab.ines2026");
        browser.click(By.id("confirm-action"));
        browser.awaitError("newPassword", "must not be the user name");
        browser.screenshot("23-admin-reset-password-refused");
        browser.type("newPassword", NEW_PASSWORD);
        browser.click(By.id("confirm-action"));
        browser.wait.until(d -> browser.all(By.id("confirm-form")).isEmpty());
        assertThat(server.call("GET", "/api/me", token, null).status()).as("sessions end at a reset").isEqualTo(401);
        String again = server.login("lab.ines", NEW_PASSWORD);

        browser.click(action("sign-out", "lab.ines"));
        browser.awaitText(By.id("confirm-form"), "Sign lab.ines out everywhere?");
        browser.click(By.id("confirm-action"));
        browser.wait.until(d -> browser.all(By.id("confirm-form")).isEmpty());
        assertThat(server.call("GET", "/api/me", again, null).status()).isEqualTo(401);
    }
}
