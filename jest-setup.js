// Jest setup provided by Grafana scaffolding, extended for React 19 in jsdom.
// Its DOM mocks need jsdom; test files that opt into `@jest-environment node` (the simulator) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}

// React 19's scheduler needs MessageChannel, which jsdom lacks. Node's real MessageChannel keeps
// Jest from exiting, so use a timer-based stand-in with the same asynchronous delivery.
if (typeof global.MessageChannel === 'undefined') {
  global.MessageChannel = class MessageChannel {
    constructor() {
      const makePort = () => ({ onmessage: null, postMessage: undefined, close() {} });
      this.port1 = makePort();
      this.port2 = makePort();
      this.port1.postMessage = (data) => setTimeout(() => this.port2.onmessage?.({ data }), 0);
      this.port2.postMessage = (data) => setTimeout(() => this.port1.onmessage?.({ data }), 0);
    }
  };
}
