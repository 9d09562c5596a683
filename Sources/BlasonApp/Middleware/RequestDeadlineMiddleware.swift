import NIOConcurrencyHelpers
import Vapor

/// A write that has not finished after `seconds` is answered 503 (try again), so a client never
/// waits without end. Seen once in a few hundred writes while PostgreSQL was stopping: a request
/// whose database call never came back. The work goes on in the background and ends as it may;
/// the client is free. Reads are left alone: they cannot leave anything half-done and are the
/// hot path. The limit is generous, as uploads are read within it.
struct RequestDeadlineMiddleware: AsyncMiddleware {
    struct Exceeded: Error {}

    let seconds: Double

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        let seconds = self.seconds
        return try await withCheckedThrowingContinuation { continuation in
            let state = NIOLockedValueBox<(done: Bool, timer: Task<Void, Never>?)>((false, nil))
            @Sendable func finish(_ result: Result<Response, any Error>) {
                let first = state.withLockedValue { state -> Bool in
                    defer { state.done = true }
                    state.timer?.cancel()
                    return !state.done
                }
                if first { continuation.resume(with: result) }
            }
            let work = Task {
                do { finish(.success(try await next.respond(to: request))) } catch { finish(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: .seconds(seconds))
                guard !Task.isCancelled else { return }
                work.cancel()
                finish(.failure(Exceeded()))
            }
            let alreadyDone = state.withLockedValue { state -> Bool in
                state.timer = timer
                return state.done
            }
            if alreadyDone { timer.cancel() }
        }
    }
}
