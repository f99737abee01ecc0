import CRMCore

extension Consistency {
    /// Said of every field longer than crmtop writes: the data is the person's, so it loads.
    static let keptAsItIs = "; it loads as it is, but no change may write a field this long"

    /// Fields longer than their `FieldLimit`, in the records as the files have them.
    static func oversized(_ data: DataSet) -> [Finding] {
        var found: [Finding] = []
        func scan<Record: FieldSized>(_ collection: DataStore.Collection, _ list: String, _ records: [Record]) {
            for (n, record) in records.enumerated() {
                for field in record.oversizedFields {
                    var path: [FieldError.Step] = [.key(field.field)]
                    if let index = field.index { path.append(.index(index)) }
                    if let key = field.key { path.append(.key(key)) }
                    found.append(Finding(collection: collection, list: list, index: n, path: path,
                                         message: field.problem + keptAsItIs))
                }
            }
        }
        scan(.people, "people", data.people)
        scan(.people, "teams", data.teams)
        scan(.kpis, "kpis", data.kpis)
        scan(.influencers, "influencers", data.influencers)
        scan(.reminders, "reminders", data.reminders)
        scan(.cases, "cases", data.cases)
        scan(.activities, "activities", data.activities)
        return found
    }
}
