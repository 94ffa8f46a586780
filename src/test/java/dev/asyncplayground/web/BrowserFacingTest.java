package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a browser is given: security headers, pages without inline code, error pages and the favicon. */
class BrowserFacingTest extends ApiTestSupport {

    @Nested
    class SecurityHeaders {

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', textBlock = """
                GET    | /                                         |
                GET    | /exercises/counting                       |
                GET    | /exercises/nope                           |
                GET    | /nope                                     |
                GET    | /docs/scenario-language                   |
                GET    | /static/app.js                            |
                GET    | /webjars/htmx.org/2.0.10/dist/htmx.min.js |
                GET    | /favicon.ico                              |
                GET    | /api/exercises                            |
                GET    | /api/runs/nope                            |
                HEAD   | /                                         |
                DELETE | /api/exercises                            |
                POST   | /api/runs                                 | text/plain
                POST   | /api/runs                                 | application/json
                """)
        void everyResponseCarriesThem(String method, String path, String contentType) {
            Http.Reply reply = http.send(method, path, contentType, contentType == null ? null : "{", Map.of());
            String policy = reply.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("script-src 'self'") && policy.contains("style-src 'self'")
                    && policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'self'"),
                    reply.status() + " " + path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("*"),
                    "no inline, eval or foreign code: " + policy);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"));
            assertEquals("same-origin", reply.header("Referrer-Policy"));
        }

        @Test
        void errorsJettyAnswersBeforeTheAppCarryThemToo() {
            RawHttp raw = new RawHttp(app);
            String badAddress = raw.exchange("GET /exercises/%ZZ HTTP/1.1\r\nHost: test\r\nConnection: close", "",
                    false, 10_000);
            String hugeHeader = raw.exchange("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\nX-Big: "
                    + "a".repeat(20_000), "", false, 10_000);
            for (String answer : List.of(badAddress, hugeHeader)) {
                assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
                assertTrue(answer.contains("Content-Security-Policy: default-src 'self'"), answer);
                assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
            }
        }

        @ParameterizedTest(name = "{0} has no inline script or style")
        @ValueSource(strings = {"/", "/exercises/counting", "/exercises/cpu-vs-io", "/new", "/docs/scenario-language",
                "/docs/api", "/nope"})
        void pagesKeepScriptsAndStylesInStaticFiles(String path) {
            String html = http.get(path).text();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    "an inline <script> in " + path);
            assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE)
                    .matcher(html).find(), "inline style or handler in " + path);
        }

        @Test
        void theRunFormFragmentHasNoInlineCodeEither() {
            Http.Reply reply = http.send("POST", "/playground/check", "application/x-www-form-urlencoded",
                    "source=param+n+%3D+3+int+1..9+%22n%22%0Atask+%22a%22%3A%0A++wait+1ms%0A", Map.of("HX-Request", "true"));
            assertEquals(200, reply.status());
            assertFalse(Pattern.compile("<script|<style|\\sstyle=|\\son[a-z]+=").matcher(reply.text()).find());
        }
    }

    @Nested
    class ErrorPages {

        @ParameterizedTest(name = "{0} → {1} page")
        @CsvSource(delimiter = '|', textBlock = """
                /exercises/nope     | 404 | no exercise 'nope'; known: counting
                /nope               | 404 | there is no page at /nope
                /docs/nope          | 404 | no guide 'nope'
                """)
        void browsersGetAPageWithAWayBack(String path, int status, String message) {
            Http.Reply reply = http.send("GET", path, null, null, Map.of("Accept", "text/html"));
            assertEquals(status, reply.status(), reply.text());
            assertTrue(reply.header("Content-Type").startsWith("text/html"), reply.header("Content-Type"));
            assertTrue(reply.text().contains("<a id=\"back-home\" href=\"/\">Back to the exercises</a>"), reply.text());
            assertTrue(reply.text().contains(message), reply.text());
        }

        @ParameterizedTest(name = "{0} → JSON {1}")
        @CsvSource(delimiter = '|', textBlock = """
                /api/exercises/nope | 404 | no exercise 'nope'
                /api/nope           | 404 | no endpoint GET /api/nope
                /api/runs/nope      | 404 | no run with id 'nope'
                """)
        void theApiKeepsItsJsonErrors(String path, int status, String message) {
            Http.Reply reply = http.send("GET", path, null, null, Map.of("Accept", "text/html"));
            assertEquals(status, reply.status());
            assertTrue(reply.header("Content-Type").startsWith("application/json"));
            assertTrue(((String) reply.object().get("error")).startsWith(message), reply.text());
        }
    }

    @Nested
    class Favicon {

        @Test
        void isServedAsSvgAndLinkedFromEveryPage() {
            Http.Reply icon = http.get("/favicon.ico");
            assertEquals(200, icon.status());
            assertEquals("image/svg+xml", icon.header("Content-Type"));
            assertTrue(icon.text().startsWith("<svg"), icon.text());
            assertEquals(200, http.get("/static/favicon.svg").status());
            assertTrue(http.get("/").text().contains("<link rel=\"icon\" href=\"/static/favicon.svg\""));
        }
    }
}
