package org.waterhole.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that this JVM holds without listening on it, for a component that is away
 * (an identity provider nobody runs): every connection to it is refused, and no server can take
 * the port while it is held (until the JVM ends). The system gives the port; none is closed and guessed free again.
 */
public final class RefusingPort {

	private final Socket held;

	private RefusingPort(Socket held) {
		this.held = held;
	}

	/** Holds a port the system gives. */
	public static RefusingPort hold() {
		try {
			Socket socket = new Socket();
			// Without address reuse, no other socket may bind the port, listening or not.
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return new RefusingPort(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return held.getLocalPort();
	}

}
