package dev.resilint.core.run;

/**
 * A setting that cannot be used: a bad flag or plugin parameter value, an unknown rule prefix.
 * The message names the setting and says what it expects. Exit code 2.
 */
public final class SettingException extends Exception {
    public SettingException(String message) {
        super(message);
    }
}
