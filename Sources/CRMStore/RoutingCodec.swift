import CRMCore
import Foundation

/// settings.json's `routing`: `{"feedback": {"team": "support"}, "default": {"owner": "lucas"}}`,
/// a route per kind (`case`, `feedback`) and `default` for the kinds without one.
enum RoutingCodec {
    static let fields: [StaticString] = ["case", "feedback", "default"]
    static let routeFields: [StaticString] = ["owner", "team"]
    static let fallbackKey = "default"

    static func decode(_ v: JSONValue) throws(FieldError) -> CaseRouting {
        var f = try Fields(v, known: fields)
        var routing = CaseRouting()
        for kind in CaseKind.allCases {
            let key: StaticString = kind == .standard ? "case" : "feedback"
            routing.byKind[kind] = try f.optional(key).map { r throws(FieldError) in
                try within(.key(kind.rawValue)) { () throws(FieldError) in try decodeRoute(r) }
            }
        }
        routing.fallback = try f.optional("default").map { r throws(FieldError) in
            try within(.key(fallbackKey)) { () throws(FieldError) in try decodeRoute(r) }
        }
        f.finish()
        return routing
    }

    static func decodeRoute(_ v: JSONValue) throws(FieldError) -> Route {
        var f = try Fields(v, known: routeFields)
        let route = Route(owner: try f.string("owner", or: nil), team: try f.string("team", or: nil))
        guard route.owner != nil || route.team != nil else {
            throw FieldError("a route names an owner, a team or both", at: v.offset)
        }
        f.finish()
        return route
    }

    static func encode(_ r: CaseRouting) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        for kind in CaseKind.allCases {
            if let route = r.byKind[kind] { o.put(kind.rawValue, encodeRoute(route)) }
        }
        if let fallback = r.fallback { o.put(fallbackKey, encodeRoute(fallback)) }
        return o.output
    }

    static func encodeRoute(_ route: Route) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("owner", route.owner)
        o.put("team", route.team)
        return o.output
    }
}
