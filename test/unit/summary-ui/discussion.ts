// A small hand-written discussion (invented) as a page's content script hands it out (CommentsReply): readers of
// a local paper on the plan to close the Elm Street library branch, with two reply threads and a cake recipe aside.
import type { CommentData, CommentsReply } from '@/lib/messages';

const c = (id: string, author: string | null, time: string | null, text: string, parent: string | null = null): CommentData => ({ id, author, time, title: null, text, parent });

export function libraryDiscussion(): CommentsReply {
  return {
    title: 'Council plans to close the Elm Street library branch',
    comments: [
      c('c0', 'Margaret Hale', '2024-03-04T08:15', 'Closing the Elm Street library would hurt the children who do their homework there every afternoon. Many of them have no quiet place at home.'),
      c('c1', 'Tom Baxter', '2024-03-04T08:40', '@Margaret Hale Exactly. The library is the only quiet place for homework that many children in the neighbourhood have.', 'c0'),
      c('c2', 'Priya Nair', '2024-03-04T09:05', 'The council says the branch costs too much to run, but the building needs only a new roof. A new roof is cheaper than a closure.'),
      c('c3', 'Dave O’Neill', '2024-03-04T09:30', 'Hi Priya, the council estimate for the roof repair was two hundred thousand pounds. That is not cheap for a small branch.', 'c2'),
      c('c4', 'Priya Nair', '2024-03-04T10:02', 'Dave, the roof repair would still cost less than moving every service to the central library.', 'c3'),
      c('c5', 'Susan Webb', '2024-03-04T11:20', 'Closing the library takes away the homework club for children. Where are they supposed to go after school?'),
      c('c6', 'Margaret Hale', '2024-03-04T12:45', 'Older residents use the computers at the library to fill in forms and book appointments with the doctor.'),
      c('c7', 'Gareth Lewis', '2024-03-04T13:10', 'Could volunteers run the branch two days a week? Other towns kept their libraries open with volunteers.'),
      c('c8', 'Tom Baxter', '2024-03-04T14:55', 'Volunteers kept the library in Hollybrook open for three years now, so it can work here too.', 'c7'),
      c('c9', null, '2024-03-04T15:30', 'Does anyone have a good recipe for lemon drizzle cake? Asking for the bake sale.'),
      c('c10', 'Ana Lopes', '2024-03-04T17:05', 'The children need the homework club at the library much more than the council needs the money from selling the building.'),
      c('c11', 'Dave O’Neill', '2024-03-05T07:50', 'The council should publish the full costs of the branch before it decides anything about a closure.'),
    ],
  };
}
