package org.waterhole.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;

/**
 * An LDAP directory in the test's JVM (UnboundID's in-memory server) loaded from
 * {@code ldap/directory.ldif}: people with passwords, emails, titles and departments, and a
 * managers' group. It listens on a port the system gives it ({@link #url()}). It can be stopped, to
 * be a directory that is away (its port refuses connections), and started again on that port,
 * the one the application was given.
 */
public final class Directory implements AutoCloseable {

	public static final String BASE_DN = "dc=university,dc=example";

	private InMemoryDirectoryServer server;

	private final int port;

	private Directory(InMemoryDirectoryServer server) {
		this.server = server;
		this.port = server.getListenPort();
	}

	/** A directory listening on loopback, on a port the system gives. */
	public static Directory start() {
		return new Directory(listening(0));
	}

	private static InMemoryDirectoryServer listening(int port) {
		try {
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
			config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", port));
			config.setSchema(null);
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			try (LDIFReader ldif = new LDIFReader(Directory.class.getResourceAsStream("/ldap/directory.ldif"))) {
				server.importFromLDIF(true, ldif);
			}
			server.startListening();
			return server;
		}
		catch (LDAPException | java.io.IOException ex) {
			throw new IllegalStateException("The test directory did not start", ex);
		}
	}

	public String url() {
		return "ldap://localhost:" + port;
	}

	/** Stops answering, as a directory that is down. */
	public void stop() {
		server.shutDown(true);
	}

	/**
	 * Answers again, with the entries of the file, on the port it had: the application knows no
	 * other. (The one port a test here takes again after closing it.)
	 */
	public void restart() {
		server = listening(port);
	}

	@Override
	public void close() {
		server.shutDown(true);
	}

}
