package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML pages and the htmx form fragment, over real HTTP. */
class PagesTest {

    private static RunningApp app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = RunningApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class ExerciseList {

        @Test
        void linksEveryExercise() throws Exception {
            HttpResponse<String> page = get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("href=\"/exercises/counting\""));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"counting", "laundry", "chess-simul", "page-load", "api-calls", "bank-update",
            "cpu-vs-io", "responsive-ui"})
        void showsEachExerciseAsACardThatSaysWhatYouWillSeeAndHowLongItRuns(String id) throws Exception {
            String html = get("/").body();
            int card = html.indexOf("data-exercise=\"" + id + "\"");
            assertTrue(card > 0, id + " has a card");
            String text = html.substring(card, html.indexOf("</li>", card));
            assertTrue(text.contains("href=\"/exercises/" + id + "\"") && text.contains("You will see:")
                    && text.contains("Runs in "), text);
            assertEquals(200, get("/exercises/" + id).statusCode());
        }

        @Test
        void offersANewScenarioAndTheLanguageGuide() throws Exception {
            String html = get("/").body();
            assertTrue(html.contains("href=\"/new\"") && html.contains("href=\"/docs/scenario-language\""));
        }

        @Test
        void anExercisePageStartsAtItsOwnSpeed() throws Exception {
            assertTrue(get("/exercises/laundry").body().contains("name=\"speed\" type=\"number\" value=\"3600\""));
        }

        @Test
        void loadsNothingFromACdn() throws Exception {
            String html = get("/").body() + get("/exercises/counting").body();
            assertTrue(!html.contains("https://") && !html.contains("http://"), "every asset is served by the app");
            assertEquals(200, get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode());
            assertEquals(200, get("/static/timeline.js").statusCode());
        }
    }

    @Nested
    class Guides {

        @Test
        void theLanguageGuideIsServedAsAPage() throws Exception {
            HttpResponse<String> page = get("/docs/scenario-language");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>"), "the Markdown is rendered");
            assertTrue(page.body().contains("<table>"), "its tables too");
        }

        @Test
        void answers404ForAnUnknownGuide() throws Exception {
            assertEquals(404, get("/docs/secrets").statusCode());
        }
    }

    @Nested
    class ExercisePage {

        @Test
        void buildsTypedFieldsWithDefaultsFromTheDeclaredParameters() throws Exception {
            String html = get("/exercises/counting").body();
            assertTrue(html.contains("name=\"count\" type=\"number\"\n                           value=\"30\" min=\"1\" max=\"200\""), html);
            assertTrue(html.contains("name=\"sleepers\" type=\"text\"\n                           value=\"8, 12\""));
            assertTrue(html.contains("name=\"unit\" type=\"text\"\n                           value=\"1s\""));
            assertTrue(html.contains("value=\"sequential\" checked"));
            assertTrue(html.contains("value=\"virtual-threads\" checked"));
        }

        @Test
        void takesItsInitialValuesFromTheLink() throws Exception {
            String html = get("/exercises/counting?count=12&sleepers=3,7&unit=200ms&modes=sequential").body();
            assertTrue(html.contains("value=\"12\""));
            assertTrue(html.contains("value=\"3,7\""));
            assertTrue(html.contains("value=\"sequential\" checked"));
            assertTrue(!html.contains("value=\"virtual-threads\" checked"), "only the linked mode is ticked");
        }

        @Test
        void answers404ForAnUnknownExercise() throws Exception {
            assertEquals(404, get("/exercises/nope").statusCode());
        }
    }

    private static String countingSource() {
        return (String) new Http(app).get("/api/exercises/counting").object().get("source");
    }

    private static Map<String, String> form(String... keysAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", countingSource());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    @Nested
    class CheckingTheText {

        @Test
        void answersWithTheDeclaredFieldsWhenTheTextIsFine() throws Exception {
            HttpResponse<String> reply = postForm("/playground/check", form("count", "12"));
            assertTrue(reply.body().contains("name=\"count\""));
            assertTrue(reply.body().contains("value=\"12\""), "the typed value survives the re-render");
            assertTrue(!reply.body().contains("type=\"hidden\" name=\"count\""));
        }

        @Test
        void answersWithDiagnosticsAndKeepsTypedValuesHiddenWhileTheTextHasErrors() throws Exception {
            HttpResponse<String> reply = postForm("/playground/check",
                    Map.of("source", "task \"a\":\n  wiat 1s\n", "count", "12"));
            assertTrue(reply.body().contains("data-line=\"2\""), reply.body());
            assertTrue(reply.body().contains("type=\"hidden\" name=\"count\" value=\"12\""), reply.body());
        }
    }

    @Nested
    class SubmittingTheForm {

        @Test
        void startsOneRunPerTickedModeAndAnswersWithTheirPanels() throws Exception {
            HttpResponse<String> reply = postForm("/playground/runs",
                    form("count", "3", "sleepers", "1", "unit", "10ms", "modes", "virtual-threads"));
            assertEquals(200, reply.statusCode());
            assertTrue(reply.body().contains("class=\"run\" data-run-id="));
            assertTrue(reply.body().contains("data-mode=\"virtual-threads\""));
        }

        @Test
        void putsEachErrorBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
            HttpResponse<String> reply = postForm("/playground/runs",
                    form("count", "999", "sleepers", "8, x", "unit", "1s", "modes", "sequential"));
            assertEquals("#params", reply.headers().firstValue("HX-Retarget").orElse(""));
            String html = reply.body();
            assertTrue(html.contains("count must be between 1 and 200 (got 999)"), html);
            assertTrue(html.contains("sleepers must be whole numbers separated by commas"));
            assertTrue(html.contains("value=\"999\""), "what the learner typed stays in the field");
            assertTrue(html.indexOf("count must be") < html.indexOf("name=\"sleepers\""), "the message sits by its field");
        }

        @Test
        void aParameterNamedLimitReachesTheScenarioNotTheInFlightField() throws Exception {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("source", (String) new Http(app).get("/api/exercises/api-calls").object().get("source"));
            fields.put("requests", "4");
            fields.put("limit", "2");
            fields.put("latency", "10ms");
            fields.put("modes", "virtual-threads");
            HttpResponse<String> reply = postForm("/playground/runs", fields);
            String id = reply.body().replaceAll("(?s).*data-run-id=\"([^\"]+)\".*", "$1");
            Map<String, Object> run = new Http(app).awaitRun(id, Duration.ofSeconds(10));
            assertEquals(0, run.get("limit"), "no in-flight limit was asked for");
            assertEquals(2, ((Map<?, ?>) run.get("metrics")).get("maxInFlight"), "the API served 2 at a time");
        }

        @Test
        void asksForAModeWhenNoneIsTicked() throws Exception {
            HttpResponse<String> reply = postForm("/playground/runs", form("count", "3"));
            assertTrue(reply.body().contains("tick at least one mode"));
        }

        @Test
        void explainsARunThatWouldPassTheWallClockLimit() throws Exception {
            HttpResponse<String> reply = postForm("/playground/runs",
                    form("count", "200", "sleepers", "150, 200", "unit", "5s", "modes", "sequential"));
            assertTrue(reply.body().contains("MAX_RUN_SECONDS"), reply.body());
        }
    }
}
