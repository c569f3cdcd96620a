// Completion candidates from the interpreter: globals, keywords, members, named arguments.
import Lang
import Testing

@Suite struct CompletionTests {
}
