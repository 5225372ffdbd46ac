package org.waterhole.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;

/**
 * An LDAP directory in the test's JVM (UnboundID's in-memory server) loaded from
 * {@code ldap/directory.ldif}: people with passwords, emails, titles and departments, and a
 * managers' group. It can be stopped and started again on its port, to be a directory that is away.
 */
public final class Directory implements AutoCloseable {

	public static final String BASE_DN = "dc=university,dc=example";

	private final InMemoryDirectoryServer server;

	private final int port;

	private Directory(InMemoryDirectoryServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/** A directory listening on {@code port} on loopback. */
	public static Directory start(int port) {
		try {
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
			config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", port));
			config.setSchema(null);
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			try (LDIFReader ldif = new LDIFReader(Directory.class.getResourceAsStream("/ldap/directory.ldif"))) {
				server.importFromLDIF(true, ldif);
			}
			server.startListening();
			return new Directory(server, port);
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

	/** Answers again on the same port. */
	public void restart() {
		try {
			server.startListening();
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("The test directory did not start again", ex);
		}
	}

	@Override
	public void close() {
		server.shutDown(true);
	}

}
