import { Logger } from '@nestjs/common';
import { LoggingSender, maskPhone } from './message-sender';

describe('LoggingSender', () => {
  it('logs neither the phone number nor the text of a message', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new LoggingSender().send({
      channel: 'sms',
      recipient: '13857712345',
      body: '【供电服务】瓯江机械：因线路检修，计划停电',
    });
    expect(log).toHaveBeenCalledWith('sms to 138****2345: 21 characters');
    log.mockRestore();
  });

  it('masks landlines and short numbers too', () => {
    expect(maskPhone('0577-88881234')).toBe('057****1234');
    expect(maskPhone('12345')).toBe('****');
  });
});
