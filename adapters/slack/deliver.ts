/**
 * Where the bot's replies go, and how:
 *
 * - into the app's DM (a message there, a button under a DM message, a button
 *   on the Home tab): `chat.postMessage`, in the thread when the user wrote in
 *   one; a reply with `editMessageId` is a `chat.update` of that message;
 * - to a slash command or a button under one of its answers: an ephemeral
 *   message through the request's `response_url` (seen by the user alone,
 *   where they typed); `editMessageId` naming that answer replaces it.
 *
 * Files (exports) are uploaded into the DM (files.uploadV2); an ephemeral
 * answer says so, since an ephemeral message cannot carry a file.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Line, Reply, ReplyFile } from '../../src/port.ts';
import { renderMessages, type SlackMessage } from './render.ts';

type Client = Pick<webApi.WebClient, 'chat' | 'files' | 'filesUploadV2'>;

export interface ChannelTarget {
  client: Client;
  channel: string;
  threadTs?: string;
  /** Runs before every Web API call (the Messenger's pace). */
  before?: () => Promise<void>;
}

type Segment = { kind: 'replies'; replies: Reply[] } | { kind: 'edit'; reply: Reply; ts: string } | { kind: 'file'; reply: Reply; file: ReplyFile };

/** Replies in order: runs of plain replies share messages; edits and files stand alone. */
function segments(replies: Reply[]): Segment[] {
  const out: Segment[] = [];
  for (const reply of replies) {
    const last = out[out.length - 1];
    if (reply.file) out.push({ kind: 'file', reply, file: reply.file });
    else if (reply.editMessageId) out.push({ kind: 'edit', reply, ts: reply.editMessageId });
    else if (last?.kind === 'replies') last.replies.push(reply);
    else out.push({ kind: 'replies', replies: [reply] });
  }
  return out;
}

async function post(target: ChannelTarget, message: SlackMessage): Promise<string> {
  await target.before?.();
  const result = await target.client.chat.postMessage({
    channel: target.channel,
    text: message.text,
    blocks: message.blocks,
    // User text may hold URLs: never unfurl them into previews.
    unfurl_links: false,
    unfurl_media: false,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
  });
  return result.ts ?? '';
}

async function upload(target: ChannelTarget, file: ReplyFile): Promise<void> {
  await target.before?.();
  const base = { file: file.content, filename: file.name, title: file.name };
  await target.client.filesUploadV2(
    target.threadTs ? { ...base, channel_id: target.channel, thread_ts: target.threadTs } : { ...base, channel_id: target.channel },
  );
}

/** Sends replies into a channel; returns the ts of each message posted or updated, in order. */
export async function deliverToChannel(target: ChannelTarget, replies: Reply[]): Promise<string[]> {
  const sent: string[] = [];
  for (const segment of segments(replies)) {
    if (segment.kind === 'edit') {
      const [first, ...rest] = renderMessages([segment.reply]);
      if (first) {
        await target.before?.();
        await target.client.chat.update({ channel: target.channel, ts: segment.ts, text: first.text, blocks: first.blocks });
        sent.push(segment.ts);
      }
      for (const message of rest) sent.push(await post(target, message));
      continue;
    }
    const replies = segment.kind === 'file' ? [segment.reply] : segment.replies;
    for (const message of renderMessages(replies)) sent.push(await post(target, message));
    if (segment.kind === 'file') await upload(target, segment.file);
  }
  return sent;
}

export interface EphemeralTarget {
  respond: RespondFn;
  /** The ephemeral message whose button was pressed, if any: an edit of it replaces it. */
  messageTs?: string;
  /** The DM, for files. */
  dm: () => Promise<ChannelTarget>;
  /** "The file is in our DM", in the user's language. */
  fileNote: (name: string) => Promise<Line>;
}

export async function deliverEphemeral(target: EphemeralTarget, replies: Reply[]): Promise<void> {
  for (const segment of segments(replies)) {
    const replace = segment.kind === 'edit' && segment.ts === target.messageTs;
    let reply = segment.kind === 'replies' ? undefined : segment.reply;
    if (segment.kind === 'file') {
      await upload(await target.dm(), segment.file);
      reply = { ...segment.reply, text: [...segment.reply.text, await target.fileNote(segment.file.name)] };
    }
    const messages = renderMessages(reply ? [reply] : segment.kind === 'replies' ? segment.replies : []);
    for (const [index, message] of messages.entries()) {
      await target.respond({ response_type: 'ephemeral', replace_original: replace && index === 0, text: message.text, blocks: message.blocks });
    }
  }
}
