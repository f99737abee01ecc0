import CRMCore
import CRMStore
import Foundation

/// Leaderboard rows in the command-line contract's shape. The contract's fields come first
/// and keep their names; later fields are additions. A KPI's `count` is what counted (after
/// the daily cap), the same number as `counted`, kept under its first name.
enum LeaderboardJSON {
    static func row(_ r: LeaderboardRow, data: DataSet) -> JSONOutput {
        .object([
            .init("rank", .int(r.rank)),
            .init("previous_rank", r.previousRank.map(JSONOutput.int) ?? .null),
            .init("person", .string(r.person)),
            .init("team", r.team.map(JSONOutput.string) ?? .null),
            .init("points", .int(r.points)),
            .init("kpis", .array(r.kpis.map { k in
                .object([
                    .init("kpi", .string(k.kpi)),
                    .init("count", .int(k.count)),
                    .init("goal", k.goal.map(JSONOutput.int) ?? .null),
                    .init("attainment", k.attainment.map(fraction) ?? .null),
                    .init("logged", .int(k.logged)),
                    .init("counted", .int(k.count)),
                ])
            })),
            .init("streak", .int(r.streak)),
            .init("name", .string(data.person(r.person)?.name ?? r.person)),
            .init("attainment", r.attainment.map(fraction) ?? .null),
            .init("recognitions", .array(r.recognitions.map { .string($0.rawValue) })),
        ])
    }

    static func team(_ t: TeamRow) -> JSONOutput {
        .object([
            .init("rank", .int(t.rank)),
            .init("previous_rank", t.previousRank.map(JSONOutput.int) ?? .null),
            .init("team", .string(t.team)),
            .init("name", .string(t.name)),
            .init("points", .int(t.points)),
            .init("members", .int(t.members)),
            .init("working_members", .int(t.workingMembers)),
        ])
    }

    /// Four decimals: enough for a percentage with two, and 0.84 stays 0.84 rather than
    /// 0.8400000000000001.
    private static func fraction(_ value: Double) -> JSONOutput {
        .double((value * 10_000).rounded() / 10_000)
    }
}
