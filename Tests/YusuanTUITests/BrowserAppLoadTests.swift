import Foundation
import Testing
import YusuanCore
@testable import YusuanTUI

/// The reading behind the first screen wakes the key loop the moment it ends: its pipe turns
/// readable only once the shelf is there.
@Suite struct BrowserAppLoadTests {
    static func readable(_ fd: Int32) -> Bool {
        var watched = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&watched, 1, 0) == 1
    }

    @Test func finishingWakesTheLoop() throws {
        let task = try BrowserApp.LoadTask(total: 3)
        task.progress(2, 3)
        #expect(task.state.done == 2 && task.state.total == 3)
        #expect(task.result == nil)
        #expect(!Self.readable(task.finished))
        task.finish(DocumentShelf(Library(documents: [])))
        #expect(task.result != nil)
        #expect(Self.readable(task.finished))
    }

    @Test func progressNeverGoesBack() throws {
        let task = try BrowserApp.LoadTask(total: 4)
        task.progress(3, 4)
        task.progress(1, 4)  // workers report out of order
        #expect(task.state.done == 3 && task.state.total == 4)
    }
}
