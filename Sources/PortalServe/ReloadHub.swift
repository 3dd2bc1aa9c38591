import FlyingFox
import Foundation

/// The open pages, each connected by a WebSocket: after a rebuild they are told to
/// reload; after a failed one, to show the error.
///
/// The channel only speaks. Frames from a page are never read, so no client can make
/// the server decode or buffer anything (FlyingFox would buffer a frame of any announced
/// length); a page that has gone is noticed when the next message to it fails.
actor ReloadHub: WSHandler {
    private var clients: [UUID: AsyncStream<WSFrame>.Continuation] = [:]

    nonisolated func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<
        WSFrame
    > {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSFrame>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        await add(id, continuation)
        return stream
    }

    private func add(_ id: UUID, _ continuation: AsyncStream<WSFrame>.Continuation) { clients[id] = continuation }

    private func remove(_ id: UUID) { clients[id] = nil }

    var count: Int { clients.count }

    func broadcast(_ message: String) {
        let frame = WSFrame(fin: true, opcode: .text, mask: nil, payload: Data(message.utf8))
        for continuation in clients.values { continuation.yield(frame) }
    }
}
