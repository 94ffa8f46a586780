package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /api/export}: what it answers for good and bad requests (running the files is elsewhere). */
class ExportApiTest extends ApiTestSupport {

    private static Map<String, Object> counting(String mode, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exercise", "counting");
        body.put("mode", mode);
        body.put("language", language);
        body.put("params", Map.of("count", 12));
        return body;
    }

    @Nested
    class AGoodRequest {

        @Test
        void answersOneRunnablePythonFileAsPlainTextNamedForTheExercise() {
            Http.Reply reply = http.post("/api/export", counting("event-loop", "python"));
            assertEquals(200, reply.status(), reply.text());
            assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
            assertEquals("inline; filename=\"counting.py\"", reply.header("Content-Disposition"));
            assertTrue(reply.text().contains("async def n8():\n    await asyncio.sleep(8)  # nap\n    print(\"8\")"),
                    reply.text());
            assertTrue(reply.text().contains("# Counting with naps"), "the scenario's comments are carried over");
            assertTrue(reply.text().contains("\"n12\": n12,") && !reply.text().contains("n13"), "count=12 applies");
        }

        @Test
        void answersAJavaClassNamedAfterTheTitle() {
            Http.Reply reply = http.post("/api/export", counting("virtual-threads", "java"));
            assertEquals(200, reply.status(), reply.text());
            assertTrue(reply.header("Content-Disposition").contains(".java\""), reply.header("Content-Disposition"));
            assertTrue(reply.text().contains("Executors.newVirtualThreadPerTaskExecutor()"), reply.text());
            assertTrue(reply.text().contains("Thread.sleep(Duration.ofSeconds(8)); // nap"), reply.text());
        }

        @Test
        void writesDurationsDividedByTheSpeedAndSaysWhatTheyWere() {
            Map<String, Object> body = counting("sequential", "python");
            body.put("speed", 10);
            Http.Reply reply = http.post("/api/export", body);
            assertTrue(reply.text().contains("time.sleep(0.8)  # nap (8s in the scenario)"), reply.text());
        }

        @Test
        void writesATimeoutInTheCallbacksStyleAsATimerThatCancelsThePendingWait() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scenario", "task \"a\":\n  timeout 1s:\n    wait 2s \"slow\"\n  print \"gave up\"\n");
            body.put("mode", "event-loop");
            body.put("language", "python");
            body.put("style", "callbacks");
            Http.Reply reply = http.post("/api/export", body);
            assertEquals(200, reply.status(), reply.text());
            assertTrue(reply.text().contains("""
                        def step_1():
                            place.timeout(1, after_timeout)  # timeout 1s: gives up on the steps inside after 1s, \
                    then goes on with after_timeout()
                            place.wait(2, step_2)  # slow
                        def step_2():
                            place.in_time()  # the steps inside ended in time: the timeout will not go off
                            after_timeout()
                        def after_timeout():
                            print("gave up")
                            done()
                    """), reply.text());
            assertTrue(reply.text().contains("class Place:"), "the file defines the Place the task keeps");
        }

        @Test
        void takesTheDefaultStyleOfTheModeWhenNoneIsGiven() {
            Http.Reply reply = http.post("/api/export", counting("platform-threads", "python"));
            assertTrue(reply.text().contains("ThreadPoolExecutor(max_workers=POOL_SIZE)"), reply.text());
        }
    }

    @Nested
    class ABadRequest {

        @ParameterizedTest(name = "{0} {1} {2}: {3}")
        @CsvSource(delimiter = '|', value = {
            "java   | event-loop       |           | java has no standard-library way to write event-loop; modes for java: platform-threads, sequential, virtual-threads",
            "python | event-loop       | threads   | unknown style 'threads' for event-loop in python; styles: asyncio, callbacks, futures",
            "python | platform-threads | callbacks | unknown style 'callbacks' for platform-threads in python; styles: threads, processes",
            "java   | sequential       | futures   | unknown style 'futures' for sequential in java; styles: plain",
            "cobol  | sequential       |           | unknown language 'cobol'; languages: python, java"})
        void namesTheValidChoices(String language, String mode, String style, String message) {
            Map<String, Object> body = counting(mode, language);
            if (style != null) {
                body.put("style", style);
            }
            Http.Reply reply = http.post("/api/export", body);
            assertEquals(400, reply.status());
            assertEquals(message, reply.object().get("error"));
        }

        @Test
        void needsALanguage() {
            Map<String, Object> body = counting("sequential", "python");
            body.remove("language");
            Http.Reply reply = http.post("/api/export", body);
            assertEquals(400, reply.status());
            assertEquals("\"language\" is required: one of python, java", reply.object().get("error"));
        }

        @Test
        void aBadParameterIsA400NamingIt() {
            Map<String, Object> body = counting("sequential", "python");
            body.put("params", Map.of("count", 500));
            Http.Reply reply = http.post("/api/export", body);
            assertEquals(400, reply.status());
            assertEquals("count", reply.object().get("parameter"));
        }

        @Test
        void gilOnlyGoesWithPlatformThreads() {
            Map<String, Object> body = counting("virtual-threads", "java");
            body.put("gil", true);
            Http.Reply reply = http.post("/api/export", body);
            assertEquals(400, reply.status());
            assertEquals("\"gil\" applies only to platform-threads", reply.object().get("error"));
        }
    }
}
