package dev.asyncplayground;

import dev.asyncplayground.engine.Carriers;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test JVM the carriers {@code Main} gives the server: one more than its cores.
 *
 * <p>Tests start the app inside the test JVM, so it must be asked for before any test makes a
 * virtual thread; a launcher session opens before the first test class is even loaded.
 */
public final class SpareCarrierForTests implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Carriers.spareOneForTheServer();
    }
}
