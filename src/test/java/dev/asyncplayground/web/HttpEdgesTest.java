package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests at the edges of HTTP: wrong types, odd bodies, methods, headers and error pages (issue 8, item 6). */
class HttpEdgesTest extends ApiTestSupport {

    private static final String RUN = "{\"exercise\":\"counting\",\"mode\":\"virtual-threads\",\"speed\":1000}";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SOURCE = "source=task+%22a%22%3A%0A++wait+1ms%0A&modes=sequential";

    private static String error(Http.Reply reply) {
        assertNotNull(reply.json(), "a JSON error: " + reply.text());
        return (String) reply.object().get("error");
    }

    @Nested
    class OnlyJsonStartsRuns {

        @ParameterizedTest(name = "Content-Type {0} → 415")
        @ValueSource(strings = {"text/plain", "text/plain;charset=UTF-8", FORM, "multipart/form-data; boundary=x",
                "application/jsonp", "application/xml"})
        void aBodyOfAnotherTypeIsA415AndStartsNothing(String type) {
            Http.Reply reply = http.send("POST", "/api/runs", type, RUN, Map.of());
            assertEquals(415, reply.status(), reply.text());
            assertTrue(error(reply).contains("application/json"), reply.text());
            assertNull(reply.header("Location"), "no run was created");
        }

        @Test
        void aBodyWithoutContentTypeIsA415() {
            Http.Reply reply = http.send("POST", "/api/runs", null, RUN, Map.of());
            assertEquals(415, reply.status(), reply.text());
            assertTrue(error(reply).contains("no Content-Type"), reply.text());
        }

        @ParameterizedTest(name = "Content-Type {0} is JSON")
        @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON"})
        void jsonWithParametersOrInCapitalsIsAccepted(String type) {
            Http.Reply reply = http.send("POST", "/api/runs", type, RUN, Map.of());
            assertEquals(201, reply.status(), reply.text());
        }
    }

    @Nested
    class TheFormTakesOnlyItsOwnPosts {

        @Test
        void theEditorsHtmxPostStillWorks() {
            Http.Reply reply = http.send("POST", "/playground/check", FORM, SOURCE,
                    Map.of("HX-Request", "true", "Sec-Fetch-Site", "same-origin"));
            assertEquals(200, reply.status(), reply.text());
            assertTrue(reply.text().contains("id=\"params\""), reply.text());
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                threads=abc    | threads must be a whole number, got 'abc'
                threads=0      | threads must be from 1 to 256, got 0
                speed=0.0001   | speed must be a number from 0.001 to 3600
                speed=fast     | speed must be a number from 0.001 to 3600
                """)
        void anUnusablePoolOrSpeedIsSaidInPlaceOfTheParameters(String field, String message) {
            Http.Reply reply = http.send("POST", "/playground/runs", FORM,
                    "source=task+%22a%22%3A%0A++wait+1ms%0A&modes=platform-threads&" + field, Map.of("HX-Request", "true"));
            assertEquals(200, reply.status(), reply.text());
            assertEquals("#params", reply.header("HX-Retarget"));
            assertTrue(reply.text().contains(message.replace("'", "&#39;")) || reply.text().contains(message),
                    reply.text());
        }

        @Test
        void aPlainTextPostFromAnotherPageIsA415() {
            Http.Reply reply = http.send("POST", "/playground/runs", "text/plain", SOURCE, Map.of());
            assertEquals(415, reply.status(), reply.text());
        }

        @Test
        void aFormPostedByAnotherSitesPageIsA403() {
            Http.Reply noHtmx = http.send("POST", "/playground/runs", FORM, SOURCE, Map.of());
            assertEquals(403, noHtmx.status(), "a plain cross-site form cannot add HX-Request");
            Http.Reply crossSite = http.send("POST", "/playground/runs", FORM, SOURCE,
                    Map.of("HX-Request", "true", "Sec-Fetch-Site", "cross-site"));
            assertEquals(403, crossSite.status(), "the browser says where the request came from");
            assertTrue(crossSite.text().contains("this site's own pages"), crossSite.text());
        }
    }

    @Nested
    class TheBodyIsOneJsonObject {

        @ParameterizedTest(name = "{0} → 400")
        @ValueSource(strings = {RUN + " xyz", RUN + " {}", RUN + RUN, RUN + " ]", "[1] {}"})
        void anythingAfterTheObjectIsA400(String body) {
            Http.Reply reply = http.post("/api/runs", body);
            assertEquals(400, reply.status(), reply.text());
            assertTrue(error(reply).contains("more after the JSON object"), reply.text());
            assertNull(reply.header("Location"));
        }

        @Test
        void aFieldSentTwiceIsA400() {
            Http.Reply reply = http.post("/api/runs", "{\"exercise\":\"counting\",\"mode\":\"sequential\",\"mode\":\"x\"}");
            assertEquals(400, reply.status(), reply.text());
            assertTrue(error(reply).contains("Duplicate field 'mode'"), reply.text());
        }

        @ParameterizedTest(name = "{0} → 400 in plain words")
        @ValueSource(strings = {"{\"exercise\":", "{\"a\":1,}", "{\"a\":\"x", "{'a':1}", "{\"a\":NaN}",
                "{\"a\":01}", "{\"a\" 1}", "\"text\"", "{\"a\":[1,2}", "[1,2}", "{\"a\":{\"b\":1]}"})
        void malformedJsonIsA400WithoutParserInternals(String body) {
            Http.Reply reply = http.post("/api/runs", body);
            assertEquals(400, reply.status(), reply.text());
            String message = error(reply);
            assertTrue(message.startsWith("the body is not valid JSON: ") || message.startsWith("the body must be"),
                    message);
            assertFalse(Pattern.compile("code \\d|`|VALUE_|START_|Source|REDACTED|Feature").matcher(message).find(),
                    message);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                1,200 nested arrays    | {"exercise":"counting","mode":"sequential","params":%s}
                1,000 nested objects   | {"exercise":"counting","mode":"sequential","params":%s}
                a 2,000-digit number   | {"exercise":"counting","mode":"sequential","speed":%s}
                a 300-digit fraction   | {"exercise":"counting","mode":"sequential","speed":%s}
                """)
        void hugeNestingAndNumbersAreA400WithAPlainMessage(String what, String template) {
            String filler = switch (what) {
                case "1,200 nested arrays" -> "[".repeat(1200) + "]".repeat(1200);
                case "1,000 nested objects" -> "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
                case "a 2,000-digit number" -> "1".repeat(2000);
                default -> "0." + "0".repeat(299) + "1";
            };
            Http.Reply reply = http.post("/api/runs", template.formatted(filler));
            assertEquals(400, reply.status(), reply.text());
            String message = error(reply);
            assertTrue(message.contains("deeper than 16 levels") && message.contains("longer than 40"), message);
            assertFalse(Pattern.compile("StreamReadConstraints|Jackson|jackson|maximum allowed|\\d{41}")
                    .matcher(reply.text()).find(), "no parser internals, no echo of the number: " + reply.text());
        }

        @ParameterizedTest(name = "speed {0} → 400 without a long number")
        @ValueSource(strings = {"1e-300", "1e300", "-5", "0", "0.0009", "3600.5"})
        void aSpeedOutOfRangeSaysTheRangeInShortNumbers(String speed) {
            Http.Reply reply = http.post("/api/runs",
                    "{\"exercise\":\"counting\",\"mode\":\"sequential\",\"speed\":" + speed + "}");
            assertEquals(400, reply.status(), reply.text());
            assertTrue(error(reply).startsWith("speed must be a number from 0.001 to 3600"), reply.text());
            assertFalse(Pattern.compile("\\d{12}").matcher(reply.text()).find(), reply.text());
        }
    }

    @Nested
    class ContentLength {

        @Test
        void aBodyShorterThanItsLengthIsA400AndLogsNoError() {
            RawHttp raw = new RawHttp(app);
            try (ErrorLog log = ErrorLog.capture()) {
                String api = raw.exchange("POST /api/runs HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 100", "{\"exercise\":", true, 10_000);
                String form = raw.exchange("POST /playground/check HTTP/1.1\r\nHost: test\r\nHX-Request: true"
                        + "\r\nContent-Type: " + FORM + "\r\nContent-Length: 100", "source=abc", true, 10_000);
                assertTrue(api.startsWith("HTTP/1.1 400"), api);
                assertTrue(api.contains("the body ended after 12 bytes of the 100 its Content-Length announced"), api);
                assertTrue(form.startsWith("HTTP/1.1 400"), form);
                assertFalse(log.text().contains("ERROR"), log.text());
                assertFalse(log.text().contains("\tat "), "no stack trace: " + log.text());
            }
        }

        @Test
        void aDeclaredLengthOverTheLimitIsA413BeforeTheBodyIsSent() {
            long started = System.nanoTime();
            String answer = new RawHttp(app).exchange("POST /api/runs HTTP/1.1\r\nHost: test"
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000000", "", false, 10_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("the limit is 256 KiB"), answer);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8,
                    "answered without waiting for 100 MB that never comes");
        }

        @Test
        void aFormOverTheLimitIsA413Too() {
            String answer = new RawHttp(app).exchange("POST /playground/runs HTTP/1.1\r\nHost: test\r\nHX-Request: true"
                    + "\r\nContent-Type: " + FORM + "\r\nContent-Length: 300000", "", false, 10_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    @Nested
    class Methods {

        @ParameterizedTest(name = "HEAD {0} answers as GET does")
        @ValueSource(strings = {"/", "/exercises/counting", "/exercises/nope", "/new", "/nope", "/docs/api",
                "/docs/nope", "/favicon.ico", "/static/app.css", "/static/nope.js", "/api/exercises",
                "/api/exercises/nope", "/api/runs/nope", "/api/status", "/api/nope"})
        void headAnswersTheStatusGetWould(String path) {
            Http.Reply get = http.get(path);
            Http.Reply head = http.head(path);
            assertEquals(get.status(), head.status(), path);
            assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
            assertEquals("", head.text(), "HEAD has no body");
        }

        @Test
        void headOfAnEventStreamAnswersWithoutStreaming() throws Exception {
            String id = http.startRun(Map.of("exercise", "counting", "mode", "virtual-threads", "speed", 1000));
            http.awaitRun(id, Duration.ofSeconds(10));
            Http.Reply stream = http.send("HEAD", "/api/runs/" + id + "/events", null, null,
                    Map.of("Accept", "text/event-stream"));
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"));
            assertEquals(406, http.head("/api/runs/" + id + "/events").status(), "as GET without Accept");
            assertEquals(404, http.send("HEAD", "/api/runs/nope/events", null, null,
                    Map.of("Accept", "text/event-stream")).status());
        }

        @ParameterizedTest(name = "{0} {1} → 405, Allow: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                PUT    | /api/exercises       | GET, HEAD
                POST   | /api/exercises/x     | GET, HEAD
                PATCH  | /api/runs/x          | GET, DELETE, HEAD
                DELETE | /api/runs            | POST
                GET    | /playground/runs     | POST
                DELETE | /                    | GET, HEAD
                """)
        void aWrongMethodIsA405ListingTheRightOnes(String method, String path, String allowed) {
            Http.Reply reply = http.send(method, path, "application/json", method.equals("GET") ? null : "{}",
                    Map.of());
            assertEquals(405, reply.status(), reply.text());
            assertEquals(allowed, reply.header("Allow"));
        }
    }

    @Nested
    class ParameterTypes {

        private static final String SCENARIO = """
                param count = 3 int 1..10 "how many"
                param unit = 1ms duration "how long"
                param sleepers = [1] list of int 1..10 "who naps"
                param loud = false bool "print more"
                param kind = io choice cpu, io "what kind"
                task "a":
                  wait unit
                """;

        @ParameterizedTest(name = "{0} = {1} → 400: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                count    | "30"      | count must be a whole number as a JSON number, like 30 (not "30"); got the string "30"
                count    | true      | count must be a whole number as a JSON number, like 30 (not "30"); got the boolean true
                sleepers | "8, 12"   | sleepers must be a JSON array of whole numbers, like [8, 12]; got the string "8, 12"
                sleepers | [8, "12"] | sleepers must be a JSON array of whole numbers, like [8, 12]; got the string "12" as item 2
                unit     | 100       | unit must be a duration with a unit as a JSON string, like "100ms"; got the number 100
                loud     | "true"    | loud must be true or false as a JSON boolean (not "true"); got the string "true"
                loud     | 1         | loud must be true or false as a JSON boolean (not "true"); got the number 1
                kind     | 2         | kind must be one of cpu, io as a JSON string; got the number 2
                """)
        void aValueOfTheWrongJsonTypeIsA400NamingTheFieldAndTheType(String name, String json, String message) {
            Http.Reply reply = http.post("/api/runs", "{\"scenario\":" + quoted(SCENARIO)
                    + ",\"mode\":\"sequential\",\"params\":{\"" + name + "\":" + json + "}}");
            assertEquals(400, reply.status(), reply.text());
            assertEquals(name, reply.object().get("parameter"));
            assertEquals(message, error(reply));
        }

        @Test
        void valuesOfTheRightJsonTypesRun() {
            Http.Reply reply = http.post("/api/runs", Map.of("scenario", SCENARIO, "mode", "sequential", "params",
                    Map.of("count", 5, "unit", "2ms", "sleepers", List.of(2, 3), "loud", true, "kind", "cpu")));
            assertEquals(201, reply.status(), reply.text());
        }

        @ParameterizedTest(name = "{0} → 400: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                "threads":"4","mode":"platform-threads" | "threads" must be a whole number as a JSON number; got the string "4"
                "limit":2.5,"mode":"virtual-threads"    | "limit" must be a whole number as a JSON number; got the number 2.5
                "speed":"10","mode":"sequential"        | speed must be a number from 0.001 to 3600 (1 = real time, 10 = ten times faster); got the string "10"
                "mode":["sequential"]                   | "mode" must be a JSON string, one of sequential, virtual-threads, event-loop, platform-threads; got an array of 1 item
                """)
        void runOptionsOfTheWrongJsonTypeAreA400NamingThem(String fields, String message) {
            Http.Reply reply = http.post("/api/runs", "{\"exercise\":\"counting\"," + fields + "}");
            assertEquals(400, reply.status(), reply.text());
            assertEquals(message, error(reply));
        }

        private static String quoted(String text) {
            return "\"" + text.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
    }
}
