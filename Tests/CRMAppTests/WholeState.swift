import CRMApp
import CustomDump
import Testing

/// Sends `action` and checks all it did: the effects, and the whole next state against the
/// state before with `change` applied. A field the reducer changed that `change` does not
/// name fails as surely as one it names and the reducer left alone, with a diff of just the
/// fields that differ. The expected lists are derived again from the expected data (as every
/// view reads them), so `change` says what the action does, not how the lists follow it.
func expectStep(_ state: inout AppState, _ action: Action, effects expectedEffects: [Effect] = [],
                fileID: StaticString = #fileID, filePath: StaticString = #filePath,
                line: UInt = #line, column: UInt = #column,
                _ change: (inout AppState) throws -> Void) rethrows {
    var expected = state
    try change(&expected)
    expected.refresh()
    let effects = Reducer.reduce(&state, action)
    expectNoDifference(effects, expectedEffects, "effects of \(action)",
                       fileID: fileID, filePath: filePath, line: line, column: column)
    expectNoDifference(state, expected, "state after \(action)",
                       fileID: fileID, filePath: filePath, line: line, column: column)
}

/// An action that leaves the state as it was.
func expectStep(_ state: inout AppState, _ action: Action, effects expectedEffects: [Effect] = [],
                fileID: StaticString = #fileID, filePath: StaticString = #filePath,
                line: UInt = #line, column: UInt = #column) {
    expectStep(&state, action, effects: expectedEffects, fileID: fileID, filePath: filePath,
               line: line, column: column) { _ in }
}
