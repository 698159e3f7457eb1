package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Sign-in, sign-out and the accessibility basics that are cheap to check in a real browser. */
class UiSignInTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(false);
    }

    @Test
    void every_input_on_the_sign_in_page_has_a_label_and_the_keyboard_alone_signs_in() {
        browser.go("/login");
        browser.awaitHeading("Sign in");
        assertEveryInputLabelled(browser);
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("01-sign-in");

        WebElement user = browser.driver.switchTo().activeElement();
        assertThat(user.getAttribute("name")).as("the user name field has the focus on arrival").isEqualTo("username");
        user.sendKeys("admin");
        user.sendKeys(Keys.TAB);
        browser.driver.switchTo().activeElement().sendKeys(UiServer.ADMIN_PASSWORD);
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).as("tab order reaches the sign-in button").isEqualTo("sign-in");
        assertThat(focused.getCssValue("outline-style")).as("keyboard focus is visible").isEqualTo("solid");
        assertThat(Double.parseDouble(focused.getCssValue("outline-width").replace("px", ""))).isGreaterThanOrEqualTo(2);
        focused.sendKeys(Keys.ENTER);

        browser.awaitHeading("Users and audit");
        assertThat(browser.text(By.cssSelector(".role-badge"))).isEqualToIgnoringCase("admin");
        assertEveryInputLabelled(browser);
        // add a user: a missing field is named beside it, then the user appears in the list
        browser.type("displayName", "Lena Fischer");
        browser.click(By.id("create-user"));
        browser.wait.until(d -> !browser.errorFor("username").isBlank());
        assertThat(browser.await(By.cssSelector("[data-field='displayName']")).getAttribute("value")).isEqualTo("Lena Fischer");
        browser.type("username", "lab.lena");
        new org.openqa.selenium.support.ui.Select(browser.await(By.cssSelector("[data-field='role']"))).selectByValue("lab");
        browser.type("password", "a long enough lab password");
        browser.click(By.id("create-user"));
        browser.awaitText(By.id("users"), "lab.lena");
        browser.click(By.id("verify-audit"));
        browser.awaitText(By.id("audit-verify-result"), "Audit chain intact");
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("07-admin-users-and-audit");

        browser.click(By.id("sign-out"));
        browser.awaitHeading("Sign in");
    }

    @Test
    void the_content_security_policy_refuses_inline_script_and_style_and_the_console_check_sees_it() {
        browser.go("/login");
        browser.awaitHeading("Sign in");
        browser.consoleErrors(); // start from a clean console
        browser.js("const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                + "document.body.append(s); const d = document.createElement('div'); d.setAttribute('style', "
                + "'color: red'); document.body.append(d); return 0;");
        List<String> errors = browser.consoleErrors();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Content Security Policy").contains("script"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Content Security Policy").contains("style"));
        assertThat(browser.js("return window.injected === undefined;")).isEqualTo(true);
    }

    @Test
    void a_wrong_password_is_refused_beside_the_form_and_the_user_name_stays() {
        browser.go("/login");
        browser.awaitHeading("Sign in");
        browser.type("username", "admin");
        browser.type("password", "not the password");
        browser.click(By.id("sign-in"));
        browser.awaitText(By.cssSelector("#login-form .form-errors"), "not right");
        assertThat(browser.await(By.cssSelector("[data-field='username']")).getAttribute("value")).isEqualTo("admin");
    }

    static void assertEveryInputLabelled(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.js("""
                return [...document.querySelectorAll('main input, main select, main textarea')]
                  .filter(el => el.type !== 'hidden')
                  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                                && !el.getAttribute('aria-labelledby'))
                  .map(el => el.name || el.id || el.outerHTML.slice(0, 80));""");
        assertThat(unlabelled).as("inputs without a label").isEmpty();
    }

    @Test
    void what_a_user_typed_is_back_in_the_form_after_the_sign_in_expired_and_they_signed_in_again() {
        browser.signIn(UiServer.NURSE, UiServer.PASSWORD);
        browser.go("/patients/new");
        browser.awaitHeading("New patient");
        browser.type("mrn", "MRN-DRAFT-1");
        browser.type("givenName", "Ingrid");
        browser.type("familyName", "Halvorsen");
        browser.js("const el = document.querySelector(`[data-field='birthDate']`); el.value = '1971-09-30';"
                + "el.dispatchEvent(new Event('input', {bubbles: true}));");
        new org.openqa.selenium.support.ui.Select(browser.await(By.cssSelector("[data-field='sex']")))
                .selectByValue("female");
        browser.type("heightCm", "168");
        browser.type("weightKg", "61.5");
        browser.type("conditions", "Systemic lupus erythematosus");

        browser.driver.manage().deleteAllCookies(); // the sign-in is gone, as after an expiry
        browser.click(By.id("save-patient"));
        browser.awaitHeading("Sign in");
        browser.type("username", UiServer.NURSE);
        browser.type("password", UiServer.PASSWORD);
        browser.click(By.id("sign-in"));

        browser.awaitHeading("New patient");
        browser.await(By.id("draft-restored"));
        java.util.function.Function<String, String> value = f -> browser.await(
                By.cssSelector("[data-field='" + f + "']")).getAttribute("value");
        assertThat(value.apply("mrn")).isEqualTo("MRN-DRAFT-1");
        assertThat(value.apply("givenName")).isEqualTo("Ingrid");
        assertThat(value.apply("familyName")).isEqualTo("Halvorsen");
        assertThat(value.apply("birthDate")).isEqualTo("1971-09-30");
        assertThat(value.apply("sex")).isEqualTo("female");
        assertThat(value.apply("heightCm")).isEqualTo("168");
        assertThat(value.apply("weightKg")).isEqualTo("61.5");
        browser.screenshot("11-draft-restored-after-sign-in");
        browser.click(By.id("save-patient"));
        browser.awaitHeading("Halvorsen, Ingrid");
        assertThat(browser.all(By.id("draft-restored"))).as("a draft is restored once").isEmpty();
        assertThat(browser.text(By.id("conditions"))).contains("Systemic lupus erythematosus");
    }
}
