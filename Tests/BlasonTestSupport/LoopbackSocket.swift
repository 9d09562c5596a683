import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw loopback sockets for tests: a port with nothing behind it, or a listener that never speaks.
public enum LoopbackSocket {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A port on 127.0.0.1 that was free a moment ago (the kernel picked it, then it was released).
    public static func freePort() throws -> Int {
        let (descriptor, port) = try boundSocket()
        close(descriptor)
        return port
    }

    /// A socket listening on 127.0.0.1 that accepts connections in the kernel but never sends a byte,
    /// to exercise client timeouts. Close the descriptor when done.
    public static func silentListener() throws -> (descriptor: Int32, port: Int) {
        let (descriptor, port) = try boundSocket()
        guard listen(descriptor, 8) == 0 else {
            close(descriptor)
            throw Failure(description: "listen failed: errno \(errno)")
        }
        return (descriptor, port)
    }

    /// A one-connection server on 127.0.0.1 that sends `greeting` as soon as a client connects, then
    /// closes, to exercise servers that refuse or are not SMTP at all.
    public static func scriptedServer(greeting: String) throws -> Int {
        let (descriptor, port) = try silentListener()
        let thread = Thread {
            let client = accept(descriptor, nil, nil)
            if client >= 0 {
                _ = greeting.utf8CString.withUnsafeBufferPointer { send(client, $0.baseAddress, $0.count - 1, 0) }
                // Give the client a moment to read before the close; then the close is what it sees next.
                usleep(100_000)
                close(client)
            }
            close(descriptor)
        }
        thread.start()
        return port
    }

    private static func boundSocket() throws -> (Int32, Int) {
        #if os(Linux)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(descriptor)
            throw Failure(description: "bind failed: errno \(errno)")
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
