package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FidelityBarTest {

    @ParameterizedTest(name = "ideal {0} ms -> at most {1} ms")
    @CsvSource({"0, 10", "500, 520", "1000, 1030", "20000, 20410"})
    void allowsTwoPercentAndTenMilliseconds(double idealMs, double barMs) {
        assertEquals(barMs, FidelityBar.of(idealMs), 1e-9);
    }
}
