# Each frame shows its own line, with carets under the call or operation.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount


def pay(account, bills):
    for bill in bills:
        account.withdraw(bill["amount"])


acct = Account(100)
pay(acct, [{"amount": 30}, {"amount": 80}])

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 18, in <module>
# expect stderr:     pay(acct, [{"amount": 30}, {"amount": 80}])
# expect stderr:   File "{FILE}", line 14, in pay
# expect stderr:     account.withdraw(bill["amount"])
# expect stderr:   File "{FILE}", line 8, in withdraw
# expect stderr:     raise ValueError(f"insufficient funds: {self.balance} < {amount}")
# expect error: ValueError: insufficient funds: 70 < 80
