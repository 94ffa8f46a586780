package dev.asyncplayground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts the real app with default limits once per test class and gives tests an HTTP client. */
abstract class ApiTestSupport {

    static RunningApp app;
    static Http http;

    @BeforeAll
    static void startApp() {
        app = RunningApp.start();
        http = new Http(app);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }
}
