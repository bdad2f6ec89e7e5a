package dev.claimdesk.commons.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Makes the {@link TestIdentity} as the test JVM's launcher session opens, before any application starts. */
public class TestIdentityListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestIdentity.ensure();
    }
}
