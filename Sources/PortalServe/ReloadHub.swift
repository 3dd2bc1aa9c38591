import FlyingFox
import Foundation

/// The open pages, each connected by a WebSocket: after a rebuild they are told to
/// reload; after a failed one, to show the error.
actor ReloadHub: WSMessageHandler {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    nonisolated func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        await add(id, continuation)
        Task {
            for await _ in client {}
            await self.remove(id)
        }
        return stream
    }

    private func add(_ id: UUID, _ continuation: AsyncStream<WSMessage>.Continuation) { clients[id] = continuation }

    private func remove(_ id: UUID) {
        clients[id]?.finish()
        clients[id] = nil
    }

    var count: Int { clients.count }

    func broadcast(_ message: String) {
        for continuation in clients.values { continuation.yield(.text(message)) }
    }
}
