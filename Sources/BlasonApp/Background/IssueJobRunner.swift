import BlasonPersistence
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs queued award jobs inside the server, one at a time per node; claims make sure two nodes
/// (or the command line) never run the same job together.
final class IssueJobRunner: LifecycleHandler, @unchecked Sendable {
    private let lock = NIOLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let services = application.blason
        let service = services.issueJobs(application.db)
        let worker = "node-" + UUID().uuidString.lowercased()
        let logger = application.logger
        lock.withLock {
            task = Task.detached {
                while !Task.isCancelled {
                    do {
                        if let next = try await service.nextCandidate(), try await service.claim(next, worker: worker) {
                            try await service.run(next, worker: worker)
                            continue
                        }
                    } catch {
                        logger.error("award job: \(error)")
                    }
                    try? await Task.sleep(nanoseconds: 500_000_000)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = lock.withLock { () -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
