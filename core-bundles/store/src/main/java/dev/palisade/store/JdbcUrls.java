package dev.palisade.store;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to print. */
final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|passwd|pwd)=[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");

    private JdbcUrls() {
    }

    /** @return the URL with any password parameter or user-info password replaced by {@code ***} */
    static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        String out = PASSWORD.matcher(url).replaceAll("$1=***");
        return USER_INFO.matcher(out).replaceAll("//$1:***@");
    }
}
