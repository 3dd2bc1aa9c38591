import FlyingFox
import Foundation
import PortalModel

/// Answers requests: the reload WebSocket and script under /__portal/, else files of
/// the output folder, with the reload script added to every HTML page.
struct Router: HTTPHandler {
    let output: String
    let hub: ReloadHub
    let errors: ErrorState
    /// The overlay's heading over a build error (the strings file's `serve.build_failed`).
    let buildFailed: String

    static let prefix = "/__portal/"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch request.path {
        case Self.prefix + "ws":
            // Only the pages this server serves may connect: a page of another site open
            // in the same browser (cross-site WebSocket hijacking) is refused.
            guard Self.isSameOrigin(origin: request.headers[HTTPHeader("Origin")], host: request.headers[.host]) else {
                return HTTPResponse(
                    statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: Data("WebSocket connections are accepted from this server's own pages only\n".utf8))
            }
            return try await WebSocketHTTPHandler(handler: hub).handleRequest(request)
        case Self.prefix + "reload.js":
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: Data(Self.script(buildFailed: buildFailed).utf8))
        default:
            // The raw target: FlyingFox's `path` is already decoded, and a %2F or %00 must
            // be seen as what it was.
            return await file(request.target.path(percentEncoded: true))
        }
    }

    /// The WebSocket's Origin is this server: http://<the Host the page was loaded from>.
    static func isSameOrigin(origin: String?, host: String?) -> Bool {
        guard let origin, let host, !host.isEmpty else { return false }
        return origin == "http://" + host
    }

    /// The file a request path names inside the output folder, or nil for a path that
    /// must not be served: a NUL, an encoded separator (%2F, %5C) or backslash, a
    /// parent step, or a hidden file or folder (the spare, the marker, editor files).
    static func relativePath(_ requestPath: String) -> String? {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let lowered = path.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") || path.contains("\\") {
            return nil
        }
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return nil
        }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) { return nil }
        return parts.joined(separator: "/")
    }

    private func file(_ requestPath: String) async -> HTTPResponse {
        guard let relative = Self.relativePath(requestPath) else {
            return HTTPResponse(
                statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: Data("not found\n".utf8))
        }
        var path = output + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path += "/" + SiteFile.folderIndex
        }
        var status = HTTPStatusCode.ok
        var data = FileManager.default.contents(atPath: path)
        if data == nil {
            status = .notFound
            path = output + "/" + PageKind.notFound.path()
            data = FileManager.default.contents(atPath: path)
        }
        guard var body = data else { return HTTPResponse(statusCode: .notFound) }
        let type = Self.contentType(path)
        if type.hasPrefix("text/html") {
            body = await inject(into: body)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// Adds the reload script (and, while the content is broken, the error overlay data).
    private func inject(into page: Data) async -> Data {
        var html = String(decoding: page, as: UTF8.self)
        var tag = "<script src=\"\(Self.prefix)reload.js\"></script>"
        if let message = await errors.message {
            let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;")
            tag = "<template id=\"portal-build-error\">\(escaped)</template>" + tag
        }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: tag, at: end.lowerBound)
        } else {
            html += tag
        }
        return Data(html.utf8)
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "wasm": return "application/wasm"
        case "woff2": return "font/woff2"
        case "ico": return "image/x-icon"
        default: return "application/octet-stream"
        }
    }

    /// Reconnects after the server restarts; reloads on "reload"; shows build errors.
    static func script(buildFailed: String) -> String {
        """
        (function () {
          "use strict";
          function overlay(text) {
            var box = document.getElementById("portal-error-overlay");
            if (!box) {
              box = document.createElement("pre");
              box.id = "portal-error-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = ("position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:" +
                  "1rem;z-index:99999;background:#3b0a0a;color:#fff;font:13px/1.5 monospace;white-space:pre-wrap");
              document.body.appendChild(box);
            }
            box.textContent = \(jsonString(buildFailed)) + "\\n\\n" + text;
          }
          var pending = document.getElementById("portal-build-error");
          if (pending) { overlay(pending.textContent); }
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__po" +
                "rtal/ws");
            socket.onmessage = function (event) {
              if (event.data === "reload") { location.reload(); }
              else if (event.data.indexOf("error:") === 0) { overlay(event.data.slice(6)); }
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          window.__portalReloadConnected = true;
          connect();
        })();
        """
    }

    /// `text` as a JavaScript string literal.
    static func jsonString(_ text: String) -> String {
        (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"\""
    }
}
