import Synchronization

/// Active contexts already processed, shared by every JSON-LD run of the process.
///
/// Processing the Verifiable Credentials and Open Badges contexts builds several hundred term
/// definitions, and a credential needs them again for each type-scoped context it enters; without
/// this, that is most of the time spent signing or verifying a credential. An entry is found by
/// everything the result depends on: the context it was applied to (by the id this cache gave
/// it), the local context, the base and the flags of the call, and the loader, which must promise
/// that its documents do not change (`JSONLDContextLoader.cacheIdentity`).
///
/// Documents being verified can carry contexts of their own, so the cache is bounded: when full
/// it starts again empty, which costs only the work of refilling it.
final class JSONLDContextCache: Sendable {
    struct Key: Hashable, Sendable {
        var loader: String
        var activeID: UInt64
        var activeBase: String?
        var originalBase: String?
        var local: JSONValue
        var baseURL: String?
        var remoteContexts: [String]
        var overrideProtected: Bool
        var propagate: Bool
        var validateScopedContext: Bool
    }

    private struct State {
        var entries: [Key: ActiveContext] = [:]
        var lastID: UInt64 = 0
    }

    static let shared = JSONLDContextCache(limit: 1_024)

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = limit
    }

    func context(for key: Key) -> ActiveContext? {
        state.withLock { $0.entries[key] }
    }

    /// Keeps `context` as the result for `key` and returns it named, so that contexts processed
    /// from it can be found in turn. If another run stored the same key meanwhile, its entry wins:
    /// both are equal, and keeping one id keeps the entries built on it reachable.
    func store(_ context: ActiveContext, for key: Key) -> ActiveContext {
        state.withLock { state in
            if let existing = state.entries[key] { return existing }
            if state.entries.count >= limit { state.entries.removeAll(keepingCapacity: true) }
            state.lastID += 1
            var named = context
            named.identify(as: state.lastID)
            state.entries[key] = named
            return named
        }
    }
}
