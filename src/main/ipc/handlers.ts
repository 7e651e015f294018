import type { Channel, ChannelOutput, ParsedInput } from '../../shared/ipc/contract'
import type { Core } from '../core'

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>

export type Handlers = { [C in Channel]: Handler<C> }
