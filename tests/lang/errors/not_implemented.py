# NotImplementedError without a message.
class Base:
    def run(self):
        raise NotImplementedError
Base().run()
# expect error: NotImplementedError
