package galley.database.control;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The JDBC data source behind Galley's connection pool, chosen by URL at run time so the same WAR
 * runs on the embedded H2 file database (no URL configured) or on PostgreSQL ({@code GALLEY_DB_URL}).
 * <p>
 * The server's pool instantiates this class from {@link DatabaseDefinition} and sets the bean
 * properties below; drivers are called directly rather than through {@code DriverManager}, whose
 * class-loader checks do not see drivers that live in the server or the WAR.
 */
public class ConfiguredDataSource implements DataSource {

    /** Marker meaning "no URL configured": use the embedded database under the data directory. */
    public static final String EMBEDDED = "embedded";

    private String url = EMBEDDED;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }

    /** The JDBC URL actually used: the configured one, or the embedded H2 file under the data directory. */
    public String effectiveUrl() {
        if (url == null || url.isBlank() || EMBEDDED.equals(url)) {
            return embeddedUrl(DataDirectory.resolve());
        }
        return url;
    }

    static String embeddedUrl(Path dataDir) {
        // File database; a second process may not open it (no AUTO_SERVER), which keeps data consistent.
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("galley").toAbsolutePath()
                // Editors wait for each other's row locks (see Articles.findForChange): longer than H2's one second.
                // WRITE_DELAY=0: a commit is written at once, so a crash right after an answer loses nothing.
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        String jdbcUrl = effectiveUrl();
        Properties props = new Properties();
        boolean embedded = jdbcUrl.startsWith("jdbc:h2:");
        String u = username == null || username.isBlank() ? (embedded ? "galley" : null) : username;
        if (u != null) props.setProperty("user", u);
        if (pass != null && !pass.isEmpty()) props.setProperty("password", pass);
        else if (embedded) props.setProperty("password", "");
        Connection connection = driverFor(jdbcUrl).connect(jdbcUrl, props);
        if (connection == null) throw new SQLException("No driver accepts the URL " + redacted(jdbcUrl));
        return connection;
    }

    private static Driver driverFor(String jdbcUrl) throws SQLException {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return new org.postgresql.Driver();
        if (jdbcUrl.startsWith("jdbc:h2:")) return new org.h2.Driver();
        throw new SQLException("Unsupported database URL " + redacted(jdbcUrl)
                + " (Galley supports jdbc:postgresql: and the embedded jdbc:h2:)");
    }

    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override public PrintWriter getLogWriter() { return logWriter; }
    @Override public void setLogWriter(PrintWriter out) { this.logWriter = out; }
    @Override public void setLoginTimeout(int seconds) { this.loginTimeout = seconds; }
    @Override public int getLoginTimeout() { return loginTimeout; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("Not a wrapper for " + iface);
    }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
