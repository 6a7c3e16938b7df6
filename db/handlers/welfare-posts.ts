import type { DomainHandlers } from '../router';
import * as posts from '../services/welfare-posts';
import * as subsidy from '../services/welfare-posts-subsidies';

export const welfarePostsHandlers = {
  'welfarePosts.list': posts.list,
  'welfarePosts.createPost': posts.createPost,
  'welfarePosts.hire': posts.hire,
  'welfarePosts.exit': posts.exit,
  'welfarePosts.checkDaily': posts.checkDaily,
  'welfarePosts.reminders': posts.reminders,
  'welfarePosts.checkStatus': posts.checkStatus,
  'welfarePosts.subsidies': subsidy.subsidies,
  'welfarePosts.recordSubsidies': subsidy.recordSubsidies,
} satisfies DomainHandlers<'welfarePosts'>;
